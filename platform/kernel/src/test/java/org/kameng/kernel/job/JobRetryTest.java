package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Failed attempts wait out a growing backoff, then the job is parked as dead until retried. */
class JobRetryTest {

  private static final String KIND = "test.retry";

  private final TestDatabase db = TestDatabase.get();
  private final JobRows rows = new JobRows(db);

  @Test
  void aJobFailingTwiceThenSucceedingIsDoneAfterThreeAttemptsWithBackoffBetween() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    AtomicInteger runs = new AtomicInteger();
    JobHandler failsTwice =
        (c, job) -> {
          JobRows.recordEffect(c, job);
          if (job.id() == jobId && runs.incrementAndGet() <= 2) {
            throw new IllegalStateException("upstream busy");
          }
        };
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));
    JobRunner runner =
        new JobRunner(
            db.transactions(),
            JobHandlers.of(Map.of(KIND, failsTwice)),
            JobRunner.STANDARD_LEASE,
            backoff);

    JobRows.runUntil(runner, () -> runs.get() == 1);
    assertWaiting(jobId, 1, backoff);
    runner.runDue(50);
    assertEquals(1, runs.get(), "not run again before its backoff is over");

    JobRows.runUntil(runner, () -> runs.get() == 2);
    assertWaiting(jobId, 2, backoff);

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DONE);
    assertEquals(3, rows.row(jobId).attempts());
    assertEquals(1, rows.effects(shop, jobId), "the failed attempts' writes rolled back");
  }

  private void assertWaiting(long jobId, int attempts, Backoff backoff) {
    JobRows.Row row = rows.row(jobId);
    assertEquals(JobStatus.READY, row.status());
    assertEquals(attempts, row.attempts());
    assertEquals("java.lang.IllegalStateException: upstream busy", row.lastError());
    long step = backoff.step(attempts).toMillis();
    assertTrue(
        row.backoffMillis() >= step / 2 && row.backoffMillis() <= step,
        "waits " + row.backoffMillis() + " ms after attempt " + attempts + ", step " + step);
    assertFalse(row.due(), "its run time lies in the future");
  }

  @Test
  void aJobFailingEveryAttemptIsDeadWithItsErrorAndRetryBringsItBack() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    rows.setMaxAttempts(jobId, 3);
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger runs = new AtomicInteger();
    JobHandler handler =
        (c, job) -> {
          if (job.id() == jobId) {
            runs.incrementAndGet();
            if (failing.get()) {
              throw new IllegalArgumentException("card rejected by upstream");
            }
            JobRows.recordEffect(c, job);
          }
        };
    JobRunner runner = fastRetrying(JobHandlers.of(Map.of(KIND, handler)));

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);
    JobRows.Row dead = rows.row(jobId);
    assertEquals(3, runs.get());
    assertEquals(3, dead.attempts());
    assertEquals("java.lang.IllegalArgumentException: card rejected by upstream", dead.lastError());
    assertNotNull(
        new JobQueue(db.transactions())
            .dead(1000).stream().filter(j -> j.id() == jobId).findFirst().orElse(null),
        "listed among the dead");

    assertEquals(RetryOutcome.REQUEUED, new JobQueue(db.transactions()).retry(jobId));
    JobRows.Row requeued = rows.row(jobId);
    assertEquals(JobStatus.READY, requeued.status());
    assertEquals(0, requeued.attempts());
    failing.set(false);
    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DONE);
    assertEquals(1, rows.row(jobId).attempts());
    assertEquals(1, rows.effects(shop, jobId));
  }

  @Test
  void aHandlerHearsOfItsJobsDeathOnceInTheTenantsTransaction() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    rows.setMaxAttempts(jobId, 2);
    AtomicInteger deaths = new AtomicInteger();
    JobHandler handler =
        new JobHandler() {
          @Override
          public void handle(java.sql.Connection c, Job job) {
            throw new IllegalStateException("receiver gone");
          }

          @Override
          public void dead(java.sql.Connection c, Job job, String lastError)
              throws java.sql.SQLException {
            assertEquals(jobId, job.id());
            assertEquals("java.lang.IllegalStateException: receiver gone", lastError);
            deaths.incrementAndGet();
            JobRows.recordEffect(c, job); // commits: the shop's own row, in its transaction
          }
        };
    JobRunner runner = fastRetrying(JobHandlers.of(Map.of(KIND, handler)));

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);
    runner.runDue(50);

    assertEquals(1, deaths.get(), "told once, and not while attempts were left");
    assertEquals(1, rows.effects(shop, jobId));
  }

  @Test
  void aJobOfAKindNoHandlerKnowsFailsLikeAnyErrorAndEndsDead() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, "test.nobody-knows", "{}");
    rows.setMaxAttempts(jobId, 2);
    JobRunner runner = fastRetrying(JobHandlers.of(Map.of()));

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);

    JobRows.Row row = rows.row(jobId);
    assertEquals(2, row.attempts());
    assertEquals("no handler for job kind 'test.nobody-knows' on this runner", row.lastError());
  }

  @Test
  void aHandlerWhoseClassesFailToLoadFailsItsJobNotTheRunner() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    JobHandler brokenPlugin =
        (c, job) -> {
          throw new NoClassDefFoundError("com/example/upstream/Client");
        };
    JobRunner runner = fastRetrying(JobHandlers.of(Map.of(KIND, brokenPlugin)));
    rows.setMaxAttempts(jobId, 1);

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);

    assertEquals(
        "java.lang.NoClassDefFoundError: com/example/upstream/Client", rows.row(jobId).lastError());
  }

  @Test
  void theLastErrorKeepsNoDataFromTheDatabasesDetailLine() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    rows.setMaxAttempts(jobId, 1);
    String secret = "SECRET-CARD-KEY-" + UUID.randomUUID();
    JobHandler violatesACheck =
        (c, job) -> {
          // The name is too long: PostgreSQL's Detail line quotes the whole failing row.
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO kameng.category (tenant_id, id, name) VALUES (?, ?, ?)")) {
            insert.setObject(1, job.tenant().value());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, secret + "x".repeat(200));
            insert.executeUpdate();
          }
        };
    JobRunner runner = fastRetrying(JobHandlers.of(Map.of(KIND, violatesACheck)));

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);

    String error = rows.row(jobId).lastError();
    assertTrue(error.startsWith("org.postgresql.util.PSQLException [23514]: ERROR:"), error);
    assertTrue(error.contains("category_name_check"), error);
    assertFalse(error.contains(secret), error);
  }

  private JobRunner fastRetrying(JobHandlers handlers) {
    return new JobRunner(
        db.transactions(),
        handlers,
        JobRunner.STANDARD_LEASE,
        new Backoff(Duration.ofMillis(20), Duration.ofMillis(100)));
  }
}
