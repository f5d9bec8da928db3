package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries.Sku;
import org.kameng.plugin.api.TenantId;

/**
 * The SKUs (denominations) of a shop's products, managed by its staff. A SKU with card keys or
 * orders can be hidden but not deleted. Every method runs in the caller's tenant transaction.
 */
public final class Skus {

  private Skus() {}

  /** Creates a visible SKU at the end of the product's SKUs. */
  public static Sku create(Connection c, TenantId tenant, UUID productId, SkuDraft draft)
      throws SQLException {
    Products.sharedFulfilment(c, tenant, productId)
        .orElseThrow(() -> new CatalogItemNotFoundException("product", productId));
    NewSku sku = SkuRules.checked(c, tenant, draft);
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.sku (tenant_id, id, product_id, name, price_minor, currency,"
                + " cost_minor, min_quantity, max_quantity, loop_key, low_stock_threshold,"
                + " position)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(max(position) + 1, 0)"
                + " FROM kameng.sku WHERE tenant_id = ? AND product_id = ?")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, productId);
      insert.setString(4, sku.name());
      insert.setLong(5, sku.price().minorUnits());
      insert.setString(6, sku.price().currency());
      bindRest(insert, 7, sku);
      insert.setObject(12, tenant.value());
      insert.setObject(13, productId);
      insert.executeUpdate();
    }
    return entry(c, tenant, productId, id);
  }

  /** Changes a SKU; its price may not fall below one of its wholesale tiers. */
  public static Sku update(Connection c, TenantId tenant, UUID skuId, SkuDraft draft)
      throws SQLException {
    SkuRow row = SkuRow.locked(c, tenant, skuId);
    NewSku sku = SkuRules.checked(c, tenant, draft);
    if (sku.price().minorUnits() < row.highestTierMinor()) {
      throw new InvalidCatalogException(
          "price", "is below one of the SKU's wholesale tier prices: change the tiers first");
    }
    if (sku.loopKey() != row.loopKey() && CatalogUsage.skuInUse(c, tenant, skuId)) {
      throw new CatalogConflictException(
          "loopKey cannot change once the SKU has card keys or orders. Create a new SKU instead.");
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.sku SET name = ?, price_minor = ?, currency = ?, cost_minor = ?,"
                + " min_quantity = ?, max_quantity = ?, loop_key = ?, low_stock_threshold = ?"
                + " WHERE tenant_id = ? AND id = ?")) {
      update.setString(1, sku.name());
      update.setLong(2, sku.price().minorUnits());
      update.setString(3, sku.price().currency());
      bindRest(update, 4, sku);
      update.setObject(9, tenant.value());
      update.setObject(10, skuId);
      update.executeUpdate();
    }
    if (sku.price().minorUnits() != row.priceMinor()) {
      // A price staff set by hand is the price: an UPSTREAM SKU's link becomes a fixed price at it,
      // so the upstream sync no longer re-prices it by its markup (it closes it if the upstream's
      // cost rises above it). Staff put a markup back through the link's pricing.
      try (PreparedStatement fix =
          c.prepareStatement(
              "UPDATE kameng.upstream_link SET markup_kind = 'FIXED_PRICE', markup_value = ?,"
                  + " updated_at = now() WHERE tenant_id = ? AND sku_id = ?")) {
        fix.setLong(1, sku.price().minorUnits());
        fix.setObject(2, tenant.value());
        fix.setObject(3, skuId);
        fix.executeUpdate();
      }
    }
    return entry(c, tenant, row.productId(), skuId);
  }

  /** Shows or hides a SKU on the storefront; hidden SKUs cannot be ordered. */
  public static void setVisible(Connection c, TenantId tenant, UUID skuId, boolean visible)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE kameng.sku SET visible = ? WHERE tenant_id = ? AND id = ?")) {
      update.setBoolean(1, visible);
      update.setObject(2, tenant.value());
      update.setObject(3, skuId);
      if (update.executeUpdate() == 0) {
        throw new CatalogItemNotFoundException("SKU", skuId);
      }
    }
    // Staff decided: a SKU the upstream sync had closed is no longer the sync's to reopen.
    try (PreparedStatement forget =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET closed_reason = NULL, closed_at = NULL"
                + " WHERE tenant_id = ? AND sku_id = ? AND closed_reason IS NOT NULL")) {
      forget.setObject(1, tenant.value());
      forget.setObject(2, skuId);
      forget.executeUpdate();
    }
  }

  /** Deletes a SKU with its tiers, unless it has card keys or orders. */
  public static void delete(Connection c, TenantId tenant, UUID skuId) throws SQLException {
    SkuRow.locked(c, tenant, skuId);
    String refusal = "The SKU has card keys or orders, so it cannot be deleted. Hide it instead.";
    if (CatalogUsage.skuInUse(c, tenant, skuId)) {
      throw new CatalogConflictException(refusal);
    }
    // Imports that left no keys behind would otherwise keep a dead SKU alive.
    for (String sql :
        List.of(
            "DELETE FROM kameng.card_key_import WHERE tenant_id = ? AND sku_id = ?",
            "DELETE FROM kameng.sku WHERE tenant_id = ? AND id = ?")) {
      try (PreparedStatement delete = c.prepareStatement(sql)) {
        delete.setObject(1, tenant.value());
        delete.setObject(2, skuId);
        CatalogUsage.deleteOrRefuse(delete, refusal);
      }
    }
  }

  /** Shows the listed SKUs of a product in this order. */
  public static void reorder(Connection c, TenantId tenant, UUID productId, List<UUID> ids)
      throws SQLException {
    Products.sharedFulfilment(c, tenant, productId)
        .orElseThrow(() -> new CatalogItemNotFoundException("product", productId));
    Positions.assign(c, tenant, Positions.Kind.SKU, productId, ids);
  }

  // cost, min, max, loop key and threshold, in that order from parameter {@code from}.
  private static void bindRest(PreparedStatement statement, int from, NewSku sku)
      throws SQLException {
    if (sku.cost() == null) {
      statement.setNull(from, Types.BIGINT);
    } else {
      statement.setLong(from, sku.cost().minorUnits());
    }
    statement.setInt(from + 1, sku.minQuantity());
    statement.setInt(from + 2, sku.maxQuantity());
    statement.setBoolean(from + 3, sku.loopKey());
    statement.setInt(from + 4, sku.lowStockThreshold());
  }

  private static Sku entry(Connection c, TenantId tenant, UUID productId, UUID skuId)
      throws SQLException {
    return SkuEntries.byProduct(c, tenant, productId).getOrDefault(productId, List.of()).stream()
        .filter(s -> s.id().equals(skuId))
        .findFirst()
        .orElseThrow(() -> new CatalogItemNotFoundException("SKU", skuId));
  }

  /** What a change needs to know of a SKU, read with the row locked. */
  record SkuRow(
      UUID productId, boolean loopKey, long priceMinor, String currency, long highestTierMinor) {

    static SkuRow locked(Connection c, TenantId tenant, UUID skuId) throws SQLException {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT s.product_id, s.loop_key, s.price_minor, s.currency,"
                  + " (SELECT COALESCE(max(t.price_minor), 0) FROM kameng.wholesale_tier t"
                  + "   WHERE t.tenant_id = s.tenant_id AND t.sku_id = s.id)"
                  + " FROM kameng.sku s WHERE s.tenant_id = ? AND s.id = ? FOR UPDATE")) {
        select.setObject(1, tenant.value());
        select.setObject(2, skuId);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new CatalogItemNotFoundException("SKU", skuId);
          }
          return new SkuRow(
              rs.getObject(1, UUID.class),
              rs.getBoolean(2),
              rs.getLong(3),
              rs.getString(4).strip(),
              rs.getLong(5));
        }
      }
    }
  }
}
