package org.kameng.kernel.job;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * What the job tests read and arrange in {@code kameng.job} and in a shop's audit log. The queue is
 * shared by every test in the database, so everything here is about one tenant's jobs or one job.
 */
final class JobRows {

  private final TestDatabase db;

  JobRows(TestDatabase db) {
    this.db = db;
  }

  /** One job's state; {@code backoffMillis} is how far its run time lies after its last update. */
  record Row(JobStatus status, int attempts, String lastError, long backoffMillis, boolean due) {}

  /** Enqueues a job due now in its own transaction and returns its id. */
  long enqueue(TenantId tenant, String kind, String payload) {
    return enqueue(tenant, kind, payload, null, Instant.now());
  }

  /** Enqueues a job in its own transaction and returns its id; fails if a duplicate absorbs it. */
  long enqueue(TenantId tenant, String kind, String payload, String dedupeKey, Instant runAt) {
    return db.transactions()
        .inTenant(
            tenant,
            c -> {
              assertTrue(Jobs.enqueue(c, tenant, kind, payload, dedupeKey, runAt), "enqueued");
              return lastJobId(c);
            });
  }

  private static long lastJobId(Connection c) throws SQLException {
    try (PreparedStatement id =
            c.prepareStatement("SELECT currval(pg_get_serial_sequence('kameng.job', 'id'))");
        ResultSet rs = id.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  Row row(long jobId) {
    return query(
        """
        SELECT status, attempts, last_error,
               (extract(epoch FROM run_at - updated_at) * 1000)::bigint, run_at <= now()
          FROM kameng.job WHERE id = ?
        """,
        jobId,
        rs ->
            new Row(
                JobStatus.valueOf(rs.getString(1)),
                rs.getInt(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getBoolean(5)));
  }

  JobStatus status(long jobId) {
    return row(jobId).status();
  }

  /** The ids of the tenant's jobs in a status. */
  List<Long> ids(TenantId tenant, JobStatus status) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement q =
                  c.prepareStatement(
                      "SELECT id FROM kameng.job WHERE tenant_id = ? AND status = ? ORDER BY id")) {
                q.setObject(1, tenant.value());
                q.setString(2, status.name());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getLong(1));
                  }
                }
                return ids;
              }
            });
  }

  /** Removes the tenant's jobs, so that none comes due in a later test's queue. */
  void deleteJobs(TenantId tenant) {
    execute("DELETE FROM kameng.job WHERE tenant_id = ?", tenant.value());
  }

  void setMaxAttempts(long jobId, int maxAttempts) {
    execute("UPDATE kameng.job SET max_attempts = ? WHERE id = ?", maxAttempts, jobId);
  }

  /** Whether the job's claim has run out, by the database's clock. */
  boolean leaseExpired(long jobId) {
    return query(
        "SELECT locked_until < now() FROM kameng.job WHERE id = ?", jobId, rs -> rs.getBoolean(1));
  }

  /** How many audit rows of the tenant name the job as their subject. */
  int effects(TenantId tenant, long jobId) {
    return db.transactions()
        .inTenant(
            tenant,
            c -> {
              try (PreparedStatement q =
                  c.prepareStatement("SELECT count(*) FROM kameng.audit_log WHERE subject = ?")) {
                q.setString(1, Long.toString(jobId));
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }

  /** The job's effect: one audit row of its tenant naming the job. */
  static void recordEffect(Connection c, Job job) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.audit_log (tenant_id, actor, action, subject)"
                + " VALUES (?, 'job-test', 'job.effect', ?)")) {
      insert.setObject(1, job.tenant().value());
      insert.setString(2, Long.toString(job.id()));
      insert.executeUpdate();
    }
  }

  /** Calls {@code runDue} until {@code done} holds, failing after 30 seconds. */
  static void runUntil(JobRunner runner, BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("the queue did not get there within 30 s");
      }
      if (runner.runDue(20) == 0) {
        pause(Duration.ofMillis(20));
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private interface Read<T> {
    T from(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, long id, Read<T> read) {
    return db.transactions()
        .platform(
            c -> {
              try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                  if (!rs.next()) {
                    throw new AssertionError("no job " + id);
                  }
                  return read.from(rs);
                }
              }
            });
  }

  private void execute(String sql, Object... parameters) {
    db.transactions()
        .platform(
            c -> {
              try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                  statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
              }
            });
  }
}
