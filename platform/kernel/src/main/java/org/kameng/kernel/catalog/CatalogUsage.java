package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * Whether catalog items are in use by the shop's stock or orders, asked so that a change that would
 * orphan them is refused before anything is written.
 */
final class CatalogUsage {

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private CatalogUsage() {}

  /** Whether the SKU has card keys or order lines. Locks it until the transaction ends. */
  static boolean skuInUse(Connection c, TenantId tenant, UUID skuId) throws SQLException {
    return inUse(c, tenant, "id", skuId);
  }

  /** Whether any SKU of the product has card keys or order lines. Locks them all. */
  static boolean productInUse(Connection c, TenantId tenant, UUID productId) throws SQLException {
    return inUse(c, tenant, "product_id", productId);
  }

  // FOR UPDATE conflicts with the KEY SHARE lock that inserting a card key or an order line takes
  // on its SKU, so no key or order can slip in between this answer and the caller's change.
  private static boolean inUse(Connection c, TenantId tenant, String column, UUID id)
      throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT id FROM kameng.sku WHERE tenant_id = ? AND " + column + " = ? FOR UPDATE")) {
      lock.setObject(1, tenant.value());
      lock.setObject(2, id);
      lock.executeQuery().close();
    }
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM kameng.card_key k JOIN kameng.sku s"
                + "   ON s.tenant_id = k.tenant_id AND s.id = k.sku_id"
                + "   WHERE s.tenant_id = ? AND s."
                + column
                + " = ?)"
                + " OR EXISTS (SELECT 1 FROM kameng.order_line l JOIN kameng.sku s"
                + "   ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + "   WHERE s.tenant_id = ? AND s."
                + column
                + " = ?)")) {
      select.setObject(1, tenant.value());
      select.setObject(2, id);
      select.setObject(3, tenant.value());
      select.setObject(4, id);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * Runs a delete; a row that something still references (a table added later, a race the checks
   * did not foresee) refuses the delete with {@code refusal} instead of failing as a server error.
   */
  static int deleteOrRefuse(PreparedStatement delete, String refusal) throws SQLException {
    try {
      return delete.executeUpdate();
    } catch (SQLException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
        throw new CatalogConflictException(refusal);
      }
      throw e;
    }
  }
}
