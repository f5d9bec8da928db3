package org.kameng.kernel.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on a connection whose transaction the caller owns. */
@FunctionalInterface
public interface SqlWork<T> {

  /** Runs the work; must not commit, roll back or change the connection's tenant. */
  T run(Connection connection) throws SQLException;
}
