package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries.Sku;
import org.kameng.kernel.catalog.CatalogEntries.Stock;
import org.kameng.kernel.catalog.CatalogEntries.Tier;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** The SKUs of a shop as its staff see them: hidden ones too, with stock counts and tiers. */
final class SkuEntries {

  private SkuEntries() {}

  /** The SKUs of one product ({@code product} set) or of every product, by product. */
  static Map<UUID, List<Sku>> byProduct(Connection c, TenantId tenant, UUID product)
      throws SQLException {
    Map<UUID, List<Tier>> tiers = tiers(c, tenant, product);
    Map<UUID, List<Sku>> byProduct = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            """
            SELECT s.product_id, s.id, s.name, s.price_minor, s.currency, s.cost_minor,
                   s.min_quantity, s.max_quantity, s.visible, s.loop_key, s.low_stock_threshold,
                   s.position,
                   count(k.id) FILTER (WHERE k.status = 'AVAILABLE'),
                   count(k.id) FILTER (WHERE k.status = 'RESERVED'),
                   count(k.id) FILTER (WHERE k.status = 'SOLD')
              FROM kameng.sku s
              LEFT JOIN kameng.card_key k ON k.tenant_id = s.tenant_id AND k.sku_id = s.id
             WHERE s.tenant_id = ? AND (?::uuid IS NULL OR s.product_id = ?)
             GROUP BY s.tenant_id, s.id
             ORDER BY s.position, s.price_minor, s.id
            """)) {
      AdminCatalog.bind(select, tenant, product);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Sku sku = sku(rs, tiers);
          byProduct.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(sku);
        }
      }
    }
    return byProduct;
  }

  private static Sku sku(ResultSet rs, Map<UUID, List<Tier>> tiers) throws SQLException {
    UUID id = rs.getObject(2, UUID.class);
    String currency = rs.getString(5);
    long cost = rs.getLong(6);
    Money costOrNull = rs.wasNull() ? null : Money.of(cost, currency);
    return new Sku(
        id,
        rs.getString(3),
        Money.of(rs.getLong(4), currency),
        costOrNull,
        rs.getInt(7),
        rs.getInt(8),
        rs.getBoolean(9),
        rs.getBoolean(10),
        rs.getInt(11),
        rs.getInt(12),
        new Stock(rs.getLong(13), rs.getLong(14), rs.getLong(15)),
        tiers.getOrDefault(id, List.of()));
  }

  private static Map<UUID, List<Tier>> tiers(Connection c, TenantId tenant, UUID product)
      throws SQLException {
    Map<UUID, List<Tier>> bySku = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT t.sku_id, t.min_quantity, t.price_minor, s.currency"
                + " FROM kameng.wholesale_tier t"
                + " JOIN kameng.sku s ON s.tenant_id = t.tenant_id AND s.id = t.sku_id"
                + " WHERE t.tenant_id = ? AND (?::uuid IS NULL OR s.product_id = ?)"
                + " ORDER BY t.sku_id, t.min_quantity")) {
      AdminCatalog.bind(select, tenant, product);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          bySku
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new Tier(rs.getInt(2), Money.of(rs.getLong(3), rs.getString(4))));
        }
      }
    }
    return bySku;
  }
}
