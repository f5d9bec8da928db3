package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** S5 for the queue: a runner that dies or stalls loses no job and finishes none twice. */
class JobLeaseTest {

  private static final String KIND = "test.lease";
  private static final Duration SHORT_LEASE = Duration.ofMillis(800);

  private final TestDatabase db = TestDatabase.get();
  private final JobRows rows = new JobRows(db);

  @Test
  void aRunnerThatOutlivesItsLeaseCannotCompleteAndItsWorkRollsBack() throws Exception {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch firstRunStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstRun = new CountDownLatch(1);
    JobHandler stallsTheFirstTime =
        (c, job) -> {
          JobRows.recordEffect(c, job);
          if (job.id() == jobId && runs.incrementAndGet() == 1) {
            firstRunStarted.countDown();
            await(releaseFirstRun);
          }
        };
    JobHandlers handlers = JobHandlers.of(Map.of(KIND, stallsTheFirstTime));
    JobRunner stalled = new JobRunner(db.transactions(), handlers, SHORT_LEASE, Backoff.STANDARD);
    JobRunner healthy = new JobRunner(db.transactions(), handlers);

    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<?> stalledRun =
          thread.submit(
              () -> {
                while (firstRunStarted.getCount() > 0) {
                  stalled.runDue(1);
                }
              });
      assertTrue(firstRunStarted.await(30, TimeUnit.SECONDS), "the first run started");
      // The healthy runner leaves the job alone until the stalled run's lease ends, then takes it.
      JobRows.runUntil(healthy, () -> rows.status(jobId) == JobStatus.DONE);
      assertEquals(1, rows.effects(shop, jobId), "the second run's effect");

      releaseFirstRun.countDown();
      stalledRun.get(30, TimeUnit.SECONDS);
    } finally {
      releaseFirstRun.countDown();
      thread.shutdownNow();
    }

    assertEquals(2, runs.get(), "the handler ran twice");
    assertEquals(1, rows.effects(shop, jobId), "the stalled run's late effect was rolled back");
    JobRows.Row row = rows.row(jobId);
    assertEquals(JobStatus.DONE, row.status());
    assertEquals(2, row.attempts());
    assertNull(row.lastError(), "the refused completion is not recorded as a failure");
  }

  @Test
  void aClaimThatIsNeverFinishedIsClaimedAgainOnlyAfterItsLeaseRunsOut() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    claimAndAbandon(jobId);
    AtomicInteger runs = new AtomicInteger();
    JobRunner runner =
        new JobRunner(
            db.transactions(),
            JobHandlers.of(
                Map.of(
                    KIND,
                    (c, job) -> {
                      runs.incrementAndGet();
                      JobRows.recordEffect(c, job);
                    })));

    runner.runDue(50);
    // Checked after the run: a lease still valid now was valid when the runner looked.
    if (!rows.leaseExpired(jobId)) {
      assertEquals(JobStatus.RUNNING, rows.status(jobId), "a held claim is left alone");
      assertEquals(0, rows.effects(shop, jobId));
    }
    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DONE);

    assertEquals(1, rows.effects(shop, jobId));
    assertEquals(2, rows.row(jobId).attempts(), "the abandoned claim counts as an attempt");
  }

  @Test
  void aJobWhoseRunsNeverFinishIsDeadOnceItHasUsedItsAttempts() {
    TenantId shop = db.newTenant();
    long jobId = rows.enqueue(shop, KIND, "{}");
    rows.setMaxAttempts(jobId, 1);
    claimAndAbandon(jobId);
    AtomicInteger runs = new AtomicInteger();
    JobRunner runner =
        new JobRunner(
            db.transactions(), JobHandlers.of(Map.of(KIND, (c, job) -> runs.incrementAndGet())));

    JobRows.runUntil(runner, () -> rows.status(jobId) == JobStatus.DEAD);

    assertEquals(0, runs.get(), "a job that may crash its runner is not run past its attempts");
    JobRows.Row row = rows.row(jobId);
    assertEquals(2, row.attempts());
    assertTrue(row.lastError().contains("did not finish within their lease"), row.lastError());
  }

  /** What a runner that dies right after its claim leaves behind. */
  private void claimAndAbandon(long jobId) {
    // Claims other shops' due jobs too; they come back after the short lease like ours.
    boolean claimed = false;
    while (!claimed) {
      List<Claim> claims =
          db.transactions().platform(c -> JobTable.claim(c, 50, Duration.ofSeconds(2)));
      claimed = claims.stream().anyMatch(claim -> claim.job().id() == jobId);
      assertFalse(claims.isEmpty(), "job " + jobId + " was not due");
    }
    assertEquals(JobStatus.RUNNING, rows.status(jobId));
    assertFalse(rows.leaseExpired(jobId));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
