package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** What an operator sees of the queue, and putting a dead job back in line. */
class JobQueueTest {

  private final TestDatabase db = TestDatabase.get();
  private final JobRows rows = new JobRows(db);
  private final JobQueue queue = new JobQueue(db.transactions());

  @Test
  void theBacklogCountsWaitingRunningAndDeadJobsPerKind() {
    TenantId shop = db.newTenant();
    String waiting = uniqueKind("test.waiting");
    String failing = uniqueKind("test.failing");
    Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    rows.enqueue(shop, waiting, "{}", null, later);
    rows.enqueue(shop, waiting, "{}", null, later.plusSeconds(60));
    markRunning(rows.enqueue(shop, waiting, "{}", null, later));
    killedJob(shop, failing, null);

    List<BacklogEntry> backlog = queue.backlog();

    assertEquals(2, entry(backlog, waiting, JobStatus.READY).count());
    assertEquals(later, entry(backlog, waiting, JobStatus.READY).oldestRunAt());
    assertEquals(1, entry(backlog, waiting, JobStatus.RUNNING).count());
    assertEquals(1, entry(backlog, failing, JobStatus.DEAD).count());
    assertTrue(backlog.stream().noneMatch(e -> e.status() == JobStatus.DONE));
    rows.deleteJobs(shop);
  }

  @Test
  void deadJobsAreListedNewestFirst() {
    TenantId shop = db.newTenant();
    String kind = uniqueKind("test.dead");
    long first = killedJob(shop, kind, null);
    long second = killedJob(shop, kind, null);
    long third = killedJob(shop, kind, null);

    List<DeadJob> mine =
        queue.dead(1000).stream().filter(job -> job.tenant().equals(shop)).toList();

    assertEquals(List.of(third, second, first), mine.stream().map(DeadJob::id).toList());
    DeadJob newest = mine.get(0);
    assertEquals(kind, newest.kind());
    assertEquals(1, newest.attempts());
    assertEquals("java.lang.IllegalStateException: always fails", newest.lastError());
    assertFalse(newest.diedAt().isBefore(newest.createdAt()));
    assertEquals(2, queue.dead(2).size());
  }

  @Test
  void retryLeavesAloneJobsThatAreNotDeadAndDeadJobsAnotherJobStandsInFor() {
    TenantId shop = db.newTenant();
    String kind = uniqueKind("test.superseded");
    long dead = killedJob(shop, kind, "order-7");
    long standIn =
        rows.enqueue(shop, kind, "{}", "order-7", Instant.now().plus(Duration.ofHours(1)));

    assertEquals(RetryOutcome.SUPERSEDED, queue.retry(dead));
    assertEquals(JobStatus.DEAD, rows.status(dead));
    assertEquals(RetryOutcome.NOT_DEAD, queue.retry(standIn));
    assertEquals(RetryOutcome.NOT_DEAD, queue.retry(-1));
    rows.deleteJobs(shop);
  }

  /** A job of {@code kind} that failed its only attempt. */
  private long killedJob(TenantId shop, String kind, String dedupeKey) {
    long jobId = rows.enqueue(shop, kind, "{}", dedupeKey, Instant.now());
    rows.setMaxAttempts(jobId, 1);
    JobHandler alwaysFails =
        (c, job) -> {
          throw new IllegalStateException("always fails");
        };
    JobRows.runUntil(
        new JobRunner(db.transactions(), JobHandlers.of(Map.of(kind, alwaysFails))),
        () -> rows.status(jobId) == JobStatus.DEAD);
    return jobId;
  }

  @Test
  void finishedJobsArePurgedOnlyOnceOld() {
    TenantId shop = db.newTenant();
    String kind = uniqueKind("test.purge");
    long old = rows.enqueue(shop, kind, "{}");
    long recent = rows.enqueue(shop, kind, "{}");
    db.transactions()
        .platform(
            c -> {
              try (PreparedStatement u =
                  c.prepareStatement(
                      "UPDATE kameng.job SET status = 'DONE', updated_at = now() - CASE WHEN id = ?"
                          + " THEN interval '8 days' ELSE interval '1 hour' END"
                          + " WHERE id IN (?, ?)")) {
                u.setLong(1, old);
                u.setLong(2, old);
                u.setLong(3, recent);
                return u.executeUpdate();
              }
            });

    assertTrue(queue.purgeDone(Duration.ofDays(7), 1_000) >= 1);

    assertEquals(List.of(recent), rows.ids(shop, JobStatus.DONE));
    rows.deleteJobs(shop);
  }

  private void markRunning(long jobId) {
    db.transactions()
        .platform(
            c -> {
              try (PreparedStatement u =
                  c.prepareStatement(
                      "UPDATE kameng.job SET status = 'RUNNING', lease = gen_random_uuid(),"
                          + " locked_until = now() + interval '1 hour' WHERE id = ?")) {
                u.setLong(1, jobId);
                return u.executeUpdate();
              }
            });
  }

  private static BacklogEntry entry(List<BacklogEntry> backlog, String kind, JobStatus status) {
    Optional<BacklogEntry> found =
        backlog.stream().filter(e -> e.kind().equals(kind) && e.status() == status).findFirst();
    return found.orElseThrow(() -> new AssertionError("no " + status + " " + kind + " jobs"));
  }

  private static String uniqueKind(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
