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
}
