package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;

/** How many card keys the SKUs of a shop hold, and which are running low. */
public final class StockLevels {

  // A SKU is low when it has a threshold and at most that many keys left. A loop key is never used
  // up, so a loop-key SKU is low only when it has no key at all. Counting stops at threshold + 1:
  // a SKU with a million keys costs no more to check than one with a few.
  private static final String LOW_STOCK =
      """
      SELECT s.id, s.name, s.low_stock_threshold, a.available
        FROM kameng.sku s
        JOIN kameng.product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
        CROSS JOIN LATERAL (
          SELECT count(*) AS available FROM (
            SELECT 1 FROM kameng.card_key k
             WHERE k.tenant_id = s.tenant_id AND k.sku_id = s.id AND k.status = 'AVAILABLE'
             LIMIT s.low_stock_threshold + 1) first_keys) a
       WHERE s.tenant_id = ? AND p.fulfilment = 'CARD_KEY' AND s.low_stock_threshold > 0
         AND a.available <= CASE WHEN s.loop_key THEN 0 ELSE s.low_stock_threshold END
       ORDER BY a.available, s.name, s.id
      """;

  private final Transactions transactions;

  public StockLevels(Transactions transactions) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * The SKU's keys by state.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU
   */
  public Stock of(TenantId tenant, UUID skuId) {
    return transactions.inTenant(
        tenant,
        c -> {
          InventorySku.require(c, tenant, skuId);
          return count(c, tenant, skuId);
        });
  }

  /** The tenant's card-key SKUs at or below their low-stock threshold, emptiest first. */
  public List<LowStock> lowStock(TenantId tenant) {
    return transactions.inTenant(
        tenant,
        c -> {
          try (PreparedStatement select = c.prepareStatement(LOW_STOCK)) {
            select.setObject(1, tenant.value());
            List<LowStock> low = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                low.add(
                    new LowStock(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(4), rs.getInt(3)));
              }
            }
            return low;
          }
        });
  }

  static Stock count(Connection c, TenantId tenant, UUID skuId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            """
            SELECT count(*) FILTER (WHERE status = 'AVAILABLE'),
                   count(*) FILTER (WHERE status = 'RESERVED'),
                   count(*) FILTER (WHERE status = 'SOLD')
              FROM kameng.card_key WHERE tenant_id = ? AND sku_id = ?
            """)) {
      select.setObject(1, tenant.value());
      select.setObject(2, skuId);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return new Stock(skuId, rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }
}
