package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/** What inventory work needs to know of a SKU, read in the tenant's transaction. */
record InventorySku(UUID id, boolean loopKey, String fulfilment) {

  /**
   * The SKU, which must belong to {@code tenant}; the tenant predicate is the application's own
   * filter, row-level security the second one.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  static InventorySku require(Connection connection, TenantId tenant, UUID skuId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            """
            SELECT s.loop_key, p.fulfilment
              FROM kameng.sku s
              JOIN kameng.product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
             WHERE s.tenant_id = ? AND s.id = ?
            """)) {
      select.setObject(1, tenant.value());
      select.setObject(2, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new SkuNotFoundException(skuId);
        }
        return new InventorySku(skuId, rs.getBoolean(1), rs.getString(2));
      }
    }
  }

  boolean sellsCardKeys() {
    return "CARD_KEY".equals(fulfilment);
  }

  /**
   * Serialises loop-key imports of this SKU until the transaction ends. FOR NO KEY UPDATE does not
   * conflict with the key-share locks that orders' foreign keys take, so selling goes on.
   */
  void lock(Connection connection, TenantId tenant) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT 1 FROM kameng.sku WHERE tenant_id = ? AND id = ? FOR NO KEY UPDATE")) {
      lock.setObject(1, tenant.value());
      lock.setObject(2, id);
      lock.executeQuery().close();
    }
  }
}
