package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * Appends to the tenant's audit log in the caller's transaction: staff revealing or removing keys
 * must leave a trace (quality bar T3), and it commits or rolls back with the work it describes.
 */
final class AuditEntry {

  private AuditEntry() {}

  static void write(
      Connection connection, TenantId tenant, String actor, String action, UUID skuId, long count)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO kameng.audit_log (tenant_id, actor, action, subject, detail)"
                + " VALUES (?, ?, ?, ?, jsonb_build_object('count', ?::bigint))")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, actor);
      insert.setString(3, action);
      insert.setString(4, "sku:" + skuId);
      insert.setLong(5, count);
      insert.executeUpdate();
    }
  }
}
