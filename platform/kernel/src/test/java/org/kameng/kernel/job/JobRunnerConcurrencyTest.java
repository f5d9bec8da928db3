package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * S2/S5 for the queue: any number of runners on any number of servers, and each job's effect lands
 * exactly once. The same scenario with a naive read-then-update claim shows the test bites.
 */
class JobRunnerConcurrencyTest {

  private static final String KIND = "test.effect";
  private static final int JOBS = 500;
  private static final int RUNNERS = 8;

  private final TestDatabase db = TestDatabase.get();
  private final JobRows rows = new JobRows(db);

  @Test
  void eightRunnersRacingOverFiveHundredJobsRunEachExactlyOnce() throws Exception {
    TenantId shop = db.newTenant();
    enqueue(shop, JOBS);
    JobRunner runner =
        new JobRunner(db.transactions(), JobHandlers.of(Map.of(KIND, JobRows::recordEffect)));

    ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int i = 0; i < RUNNERS; i++) {
        // Each loop stops once the queue has nothing due; jobs other loops hold get finished there.
        loops.add(pool.submit(() -> drain(runner)));
      }
      for (Future<?> loop : loops) {
        loop.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(JOBS, rows.ids(shop, JobStatus.DONE).size(), "every job is done");
    Effects effects = effects(shop);
    assertEquals(JOBS, effects.jobs(), "every job took effect");
    assertEquals(0, effects.duplicated(), "jobs whose effect landed more than once");
    assertEquals(JOBS, claimedOnce(shop), "jobs claimed exactly once");
  }

  @Test
  void aNaiveReadThenUpdateClaimRunsJobsTwice() throws Exception {
    TenantId shop = db.newTenant();
    enqueue(shop, 40);
    CyclicBarrier bothHaveRead = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> a = pool.submit(() -> naiveDrain(shop, bothHaveRead));
      Future<?> b = pool.submit(() -> naiveDrain(shop, bothHaveRead));
      a.get(1, TimeUnit.MINUTES);
      b.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }

    Effects effects = effects(shop);
    assertEquals(40, effects.jobs());
    assertTrue(effects.duplicated() > 0, "the naive claim should have run jobs twice");
  }

  private void enqueue(TenantId shop, int count) {
    db.transactions()
        .inTenant(
            shop,
            c -> {
              for (int i = 0; i < count; i++) {
                Jobs.enqueue(c, shop, KIND, "{\"n\":" + i + "}", null, Instant.now());
              }
              return null;
            });
  }

  private static Void drain(JobRunner runner) {
    int claimed;
    do {
      claimed = runner.runDue(10);
      assertTrue(claimed <= 10, "claimed " + claimed + " jobs in a batch of 10");
    } while (claimed > 0);
    return null;
  }

  /**
   * What the field does: read the due jobs, then mark them running, with nothing stopping another
   * runner from reading the same jobs in between. The barrier makes that interleaving certain.
   */
  private Void naiveDrain(TenantId shop, CyclicBarrier bothHaveRead) throws Exception {
    Transactions tx = db.transactions();
    while (true) {
      List<Job> due = tx.platform(c -> readDue(c, shop));
      bothHaveRead.await(30, TimeUnit.SECONDS);
      if (due.isEmpty()) {
        return null;
      }
      tx.platform(c -> markRunning(c, due));
      for (Job job : due) {
        tx.inTenant(
            shop,
            c -> {
              JobRows.recordEffect(c, job);
              return markDone(c, job);
            });
      }
    }
  }

  private static List<Job> readDue(Connection c, TenantId shop) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, kind, payload::text FROM kameng.job"
                + " WHERE tenant_id = ? AND status = 'READY' ORDER BY run_at, id LIMIT 10")) {
      q.setObject(1, shop.value());
      List<Job> due = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          due.add(new Job(rs.getLong(1), shop, rs.getString(2), rs.getString(3), 1, 10));
        }
      }
      return due;
    }
  }

  private static int markRunning(Connection c, List<Job> jobs) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement("UPDATE kameng.job SET status = 'RUNNING' WHERE id = ANY (?)")) {
      u.setArray(1, c.createArrayOf("bigint", jobs.stream().map(Job::id).toArray()));
      return u.executeUpdate();
    }
  }

  private static int markDone(Connection c, Job job) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement("UPDATE kameng.job SET status = 'DONE' WHERE id = ?")) {
      u.setLong(1, job.id());
      return u.executeUpdate();
    }
  }

  private record Effects(int jobs, int duplicated) {}

  private Effects effects(TenantId shop) {
    return db.transactions()
        .inTenant(
            shop,
            c -> {
              try (PreparedStatement q =
                      c.prepareStatement(
                          "SELECT count(*), count(*) FILTER (WHERE n > 1) FROM"
                              + " (SELECT subject, count(*) AS n FROM kameng.audit_log"
                              + "   WHERE action = 'job.effect' GROUP BY subject) effects");
                  ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Effects(rs.getInt(1), rs.getInt(2));
              }
            });
  }

  private int claimedOnce(TenantId shop) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement q =
                  c.prepareStatement(
                      "SELECT count(*) FROM kameng.job WHERE tenant_id = ? AND attempts = 1")) {
                q.setObject(1, shop.value());
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }
}
