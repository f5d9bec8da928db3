package org.kameng.kernel.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.kameng.plugin.api.TenantId;

/**
 * Runs kernel work in database transactions the kernel owns, on a data source that connects as the
 * application role (which owns nothing and cannot bypass row-level security).
 *
 * <p>A transaction that loses a deadlock or a serialization conflict is rolled back and run again,
 * a few times, so work handed to this class must have no effect outside the database. So is one
 * whose connection turned out broken (the database restarted, or ended the session) before the
 * commit was sent: nothing of it was committed, and a pool need not test every connection it hands
 * out with an extra query. A connection lost during the commit is not retried: the commit may have
 * happened.
 */
public final class Transactions {

  private static final int ATTEMPTS = 3;

  private final DataSource dataSource;

  public Transactions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Runs {@code work} in one transaction that sees only {@code tenant}'s rows. */
  public <T> T inTenant(TenantId tenant, SqlWork<T> work) {
    Objects.requireNonNull(tenant, "tenant");
    return run(tenant, work);
  }

  /**
   * Runs {@code work} in one transaction with no tenant set: tenant tables show no rows. For
   * platform-level tables (tenants, the job queue) only.
   */
  public <T> T platform(SqlWork<T> work) {
    return run(null, work);
  }

  private <T> T run(TenantId tenant, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection connection = null;
      try {
        connection = dataSource.getConnection();
        return runOnce(connection, tenant, work);
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && (isTransient(e) || isLostBeforeCommit(e))) {
          continue;
        }
        throw new StorageException("database work failed: " + e.getMessage(), e);
      } finally {
        closeQuietly(connection);
      }
    }
  }

  /** A connection failure while the commit was under way: whether it committed is unknown. */
  private static final class CommitFailure extends SQLException {
    private static final long serialVersionUID = 1L;

    CommitFailure(SQLException cause) {
      super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    }
  }

  private static <T> T runOnce(Connection connection, TenantId tenant, SqlWork<T> work)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    T result;
    try {
      if (tenant != null) {
        // set_config(..., true) is SET LOCAL with a bind parameter: it ends with the transaction.
        try (PreparedStatement set =
            connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
          set.setString(1, tenant.value().toString());
          set.execute();
        }
      }
      result = work.run(connection);
      try {
        connection.commit();
      } catch (SQLException e) {
        throw new CommitFailure(e);
      }
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(connection, e);
      resetQuietly(connection, autoCommit, e);
      throw e;
    }
    // Committed: a connection that cannot even be reset now is broken, and the pool drops it;
    // the work must not be reported failed, or worse, run again.
    resetQuietly(connection, autoCommit, null);
    return result;
  }

  private static void resetQuietly(Connection connection, boolean autoCommit, Throwable cause) {
    try {
      if (connection.isClosed()) {
        return;
      }
      connection.setAutoCommit(autoCommit);
    } catch (SQLException resetFailure) {
      if (cause != null) {
        cause.addSuppressed(resetFailure);
      }
    }
  }

  // Closing hands the connection back to the pool; a broken one is dropped there.
  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Nothing to do: the transaction already committed or rolled back (or died with it).
      }
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      // A connection the pool already closed after a fatal error has nothing to roll back (and
      // asking makes Liberty write an incident report).
      if (connection.isClosed()) {
        return;
      }
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  // Class 08 (connection exception), and the session ended by the server: an administrator's
  // pg_terminate_backend or a shutdown (57P01), a crash of another backend (57P02).
  private static boolean isLostBeforeCommit(SQLException e) {
    if (e instanceof CommitFailure) {
      return false;
    }
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08") || "57P01".equals(state) || "57P02".equals(state));
  }
}
