package org.kameng.kernel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.kameng.plugin.api.TenantId;

/**
 * Appends to a tenant's audit log, in the caller's transaction (the application cannot edit it).
 */
public final class AuditLog {

  /** The actor of actions the platform takes by itself (jobs, reconciliation). */
  public static final String SYSTEM = "system";

  private AuditLog() {}

  /**
   * Records that {@code actor} did {@code action} to {@code subject}.
   *
   * @param detailJson a JSON object with what else matters; never a secret
   */
  public static void record(
      Connection c, TenantId tenant, String actor, String action, String subject, String detailJson)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.audit_log (tenant_id, actor, action, subject, detail)"
                + " VALUES (?, ?, ?, ?, ?::jsonb)")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, actor);
      insert.setString(3, action);
      insert.setString(4, subject);
      insert.setString(5, detailJson);
      insert.executeUpdate();
    }
  }
}
