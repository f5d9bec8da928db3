package org.kameng.kernel.job;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Does the work of one kind of job.
 *
 * <p>The handler runs inside the job's tenant transaction: what it writes through {@code
 * tenantConnection} commits together with the job's completion, or not at all. A job can run more
 * than once (after a runner crashed, when a handler outlives its lease, or when the transaction is
 * retried after a deadlock), so any effect outside this database must be idempotent, for example
 * keyed by the job id.
 */
@FunctionalInterface
public interface JobHandler {

  /**
   * Does the job's work. Throwing fails this attempt: the transaction rolls back and the job is
   * retried later, or parked as dead once it has used its attempts.
   *
   * @param tenantConnection a connection in a transaction that sees only {@code job.tenant()}'s
   *     rows; the handler must not commit, roll back or change its tenant
   */
  void handle(Connection tenantConnection, Job job) throws SQLException;

  /**
   * Called after the job was parked as dead, in a new transaction of its tenant, so the handler can
   * record the give-up where the shop sees it (a notifier's failure count, say). At most once per
   * death: a crash between parking and this call skips it, and the dead job itself stays visible
   * and retryable. Throwing only logs; the job stays dead. Does nothing by default.
   *
   * @param tenantConnection a connection in a transaction that sees only {@code job.tenant()}'s
   *     rows
   * @param job the job as its last attempt saw it
   * @param lastError the last attempt's error, as recorded on the job
   */
  default void dead(Connection tenantConnection, Job job, String lastError) throws SQLException {}
}
