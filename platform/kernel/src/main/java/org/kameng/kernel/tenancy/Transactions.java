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
 * a few times, so work handed to this class must have no effect outside the database.
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
      try (Connection connection = dataSource.getConnection()) {
        return runOnce(connection, tenant, work);
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && isTransient(e)) {
          continue;
        }
        throw new StorageException("database work failed: " + e.getMessage(), e);
      }
    }
  }

  private static <T> T runOnce(Connection connection, TenantId tenant, SqlWork<T> work)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (tenant != null) {
        // set_config(..., true) is SET LOCAL with a bind parameter: it ends with the transaction.
        try (PreparedStatement set =
            connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
          set.setString(1, tenant.value().toString());
          set.execute();
        }
      }
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }
}
