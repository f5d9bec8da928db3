package org.kameng.kernel.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * The runner's statements on {@code kameng.job}. Every time is the database's {@code now()}, so
 * runners on several servers with drifting clocks agree on what is due and when a lease ends.
 */
final class JobTable {

  /*
   * Due work is a READY job whose time has come, or a RUNNING job whose lease ran out (its runner
   * died or is too slow). A RUNNING job's run_at is always past, so run_at <= now() holds for both
   * and bounds the scan of the job_due index to due rows, however many jobs wait for later.
   * SKIP LOCKED lets concurrent runners take disjoint batches without waiting for each other; the
   * new lease is what later writes must present. The rows are picked in a CTE, which runs exactly
   * once: PostgreSQL may re-run an IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED) sub-select
   * while updating and claim more than n rows (docs/adr/0007-kernel-sql.md).
   */
  private static final String CLAIM =
      """
      WITH picked AS (
        SELECT id FROM kameng.job
         WHERE run_at <= now()
           AND (status = 'READY' OR (status = 'RUNNING' AND locked_until < now()))
         ORDER BY run_at
         LIMIT ?
           FOR UPDATE SKIP LOCKED)
      UPDATE kameng.job j
         SET status = 'RUNNING', lease = gen_random_uuid(),
             locked_until = now() + make_interval(secs => ?),
             attempts = j.attempts + 1, updated_at = now()
        FROM picked
       WHERE j.id = picked.id
      RETURNING j.id, j.tenant_id, j.kind, j.payload::text, j.attempts, j.max_attempts, j.lease
      """;

  private static final String COMPLETE =
      """
      UPDATE kameng.job
         SET status = 'DONE', lease = NULL, locked_until = NULL, updated_at = now()
       WHERE id = ? AND lease = ?
      """;

  // A job that has used its attempts is parked as DEAD; otherwise it waits out its backoff.
  private static final String FAIL =
      """
      UPDATE kameng.job
         SET status = CASE WHEN attempts >= max_attempts THEN 'DEAD' ELSE 'READY' END,
             run_at = CASE WHEN attempts >= max_attempts THEN run_at
                           ELSE now() + make_interval(secs => ?) END,
             last_error = ?, lease = NULL, locked_until = NULL, updated_at = now()
       WHERE id = ? AND lease = ?
      RETURNING status
      """;

  private JobTable() {}

  static List<Claim> claim(Connection connection, int max, Duration lease) throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
      claim.setInt(1, max);
      claim.setDouble(2, seconds(lease));
      List<Claim> claims = new ArrayList<>();
      try (ResultSet rs = claim.executeQuery()) {
        while (rs.next()) {
          Job job =
              new Job(
                  rs.getLong(1),
                  new TenantId(rs.getObject(2, UUID.class)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getInt(6));
          claims.add(new Claim(job, rs.getObject(7, UUID.class)));
        }
      }
      return claims;
    }
  }

  /** Marks the job done if this claim still holds it; false if another runner claimed it since. */
  static boolean complete(Connection connection, Claim claim) throws SQLException {
    try (PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
      complete.setLong(1, claim.job().id());
      complete.setObject(2, claim.lease());
      return complete.executeUpdate() == 1;
    }
  }

  /**
   * Records a failed attempt if this claim still holds the job.
   *
   * @return the job's new status, READY or DEAD, or null if another runner claimed it since
   */
  static JobStatus fail(Connection connection, Claim claim, Duration delay, String error)
      throws SQLException {
    try (PreparedStatement fail = connection.prepareStatement(FAIL)) {
      fail.setDouble(1, seconds(delay));
      fail.setString(2, error);
      fail.setLong(3, claim.job().id());
      fail.setObject(4, claim.lease());
      try (ResultSet rs = fail.executeQuery()) {
        return rs.next() ? JobStatus.valueOf(rs.getString(1)) : null;
      }
    }
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
