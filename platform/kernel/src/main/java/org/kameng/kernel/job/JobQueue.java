package org.kameng.kernel.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/**
 * The operator's view of the job queue across all shops: the backlog, the dead jobs, and putting a
 * dead job back in line. Platform-level: callers must be platform admins.
 */
public final class JobQueue {

  private final Transactions transactions;

  public JobQueue(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * Counts of the jobs not yet done (READY, RUNNING) and of the DEAD ones, per kind and status.
   * DONE jobs are history, not backlog, and are left out.
   */
  public List<BacklogEntry> backlog() {
    return transactions.platform(
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement(
                      """
                      SELECT kind, status, count(*), min(run_at) FROM kameng.job
                       WHERE status IN ('READY', 'RUNNING', 'DEAD')
                       GROUP BY kind, status ORDER BY kind, status
                      """);
              ResultSet rs = query.executeQuery()) {
            List<BacklogEntry> entries = new ArrayList<>();
            while (rs.next()) {
              entries.add(
                  new BacklogEntry(
                      rs.getString(1),
                      JobStatus.valueOf(rs.getString(2)),
                      rs.getLong(3),
                      instant(rs, 4)));
            }
            return entries;
          }
        });
  }

  /** The most recently died jobs first, at most {@code limit}. */
  public List<DeadJob> dead(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return transactions.platform(c -> deadJobs(c, limit));
  }

  /**
   * Puts a dead job back in line to run now, with its attempts reset; its last error stays until a
   * new attempt replaces it.
   */
  public RetryOutcome retry(long jobId) {
    return transactions.platform(c -> requeue(c, jobId));
  }

  private static List<DeadJob> deadJobs(Connection c, int limit) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            """
            SELECT id, tenant_id, kind, attempts, last_error, created_at, updated_at
              FROM kameng.job WHERE status = 'DEAD'
             ORDER BY updated_at DESC, id DESC LIMIT ?
            """)) {
      query.setInt(1, limit);
      List<DeadJob> dead = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          dead.add(
              new DeadJob(
                  rs.getLong(1),
                  new TenantId(rs.getObject(2, UUID.class)),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  instant(rs, 6),
                  instant(rs, 7)));
        }
      }
      return dead;
    }
  }

  private static RetryOutcome requeue(Connection c, long jobId) throws SQLException {
    // The dedupe index admits one unfinished job per (tenant, kind, key): if a newer one holds the
    // key, requeueing this one would break it, and the newer job does the same work anyway.
    try (PreparedStatement update =
        c.prepareStatement(
            """
            UPDATE kameng.job j
               SET status = 'READY', attempts = 0, run_at = now(), lease = NULL,
                   locked_until = NULL, updated_at = now()
             WHERE j.id = ? AND j.status = 'DEAD'
               AND NOT EXISTS (SELECT 1 FROM kameng.job o
                                WHERE j.dedupe_key IS NOT NULL AND o.tenant_id = j.tenant_id
                                  AND o.kind = j.kind AND o.dedupe_key = j.dedupe_key
                                  AND o.status IN ('READY', 'RUNNING'))
            """)) {
      update.setLong(1, jobId);
      if (update.executeUpdate() == 1) {
        return RetryOutcome.REQUEUED;
      }
    }
    try (PreparedStatement dead =
        c.prepareStatement("SELECT 1 FROM kameng.job WHERE id = ? AND status = 'DEAD'")) {
      dead.setLong(1, jobId);
      try (ResultSet rs = dead.executeQuery()) {
        return rs.next() ? RetryOutcome.SUPERSEDED : RetryOutcome.NOT_DEAD;
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /**
   * Deletes finished jobs last touched before {@code olderThan} ago, at most {@code limit} per
   * call, so the queue's table holds work and recent history rather than every job ever run.
   *
   * @return how many were deleted
   */
  public int purgeDone(Duration olderThan, int limit) {
    return transactions.platform(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  """
                  DELETE FROM kameng.job WHERE id IN (
                    SELECT id FROM kameng.job
                     WHERE status = 'DONE' AND updated_at < now() - make_interval(secs => ?)
                     LIMIT ?)
                  """)) {
            delete.setLong(1, olderThan.toSeconds());
            delete.setInt(2, limit);
            return delete.executeUpdate();
          }
        });
  }
}
