package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/** What a buyer sees of the current tenant's catalog: visible products, prices, stock badges. */
public final class StorefrontCatalog {

  private StorefrontCatalog() {}

  /** How much is left, as a buyer is told. */
  public enum StockBadge {
    IN_STOCK,
    LOW,
    SOLD_OUT
  }

  /** A buyable SKU. {@code available} is null for goods not counted (manual, upstream, loop). */
  public record SkuView(
      UUID id,
      String name,
      Money price,
      int minQuantity,
      int maxQuantity,
      Integer available,
      StockBadge stock) {}

  /** A visible product with its visible SKUs. */
  public record ProductView(
      UUID id,
      UUID categoryId,
      String name,
      String description,
      Fulfilment fulfilment,
      List<SkuView> skus) {}

  /** The visible products of the current tenant, in the shop's order. */
  public static List<ProductView> products(Connection c) throws SQLException {
    return select(c, null);
  }

  /** One visible product of the current tenant with its visible SKUs, if it is on sale. */
  public static Optional<ProductView> product(Connection c, UUID productId) throws SQLException {
    return select(c, productId).stream().findFirst();
  }

  private static final String PRODUCTS =
      """
                SELECT p.id, p.category_id, p.name, p.description, p.fulfilment,
                       s.id, s.name, s.price_minor, s.currency, s.min_quantity, s.max_quantity,
                       s.loop_key, s.low_stock_threshold,
                       (SELECT count(*) FROM kameng.card_key k
                         WHERE k.tenant_id = s.tenant_id AND k.sku_id = s.id
                           AND k.status = 'AVAILABLE')
                  FROM kameng.product p
                  JOIN kameng.sku s ON s.tenant_id = p.tenant_id AND s.product_id = p.id
                 WHERE p.visible AND s.visible %s
                 ORDER BY p.position, p.name, s.position, s.price_minor
                """;

  // Two statements rather than "? IS NULL OR p.id = ?", which PostgreSQL must plan anew on every
  // execution to find the product by its key (P4: the product page).
  private static final String ALL_PRODUCTS = PRODUCTS.formatted("");
  private static final String ONE_PRODUCT = PRODUCTS.formatted("AND p.id = ?");

  // only == null: every visible product.
  private static List<ProductView> select(Connection c, UUID only) throws SQLException {
    Map<UUID, ProductView> products = new LinkedHashMap<>();
    try (PreparedStatement select = c.prepareStatement(only == null ? ALL_PRODUCTS : ONE_PRODUCT)) {
      if (only != null) {
        select.setObject(1, only);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          UUID productId = rs.getObject(1, UUID.class);
          Fulfilment fulfilment = Fulfilment.valueOf(rs.getString(5));
          ProductView product =
              products.computeIfAbsent(
                  productId,
                  id -> {
                    try {
                      return new ProductView(
                          id,
                          rs.getObject(2, UUID.class),
                          rs.getString(3),
                          rs.getString(4),
                          fulfilment,
                          new ArrayList<>());
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          product.skus().add(sku(rs, fulfilment));
        }
      }
    }
    return List.copyOf(products.values());
  }

  private static SkuView sku(ResultSet rs, Fulfilment fulfilment) throws SQLException {
    boolean counted = fulfilment == Fulfilment.CARD_KEY;
    boolean loop = rs.getBoolean(12);
    int threshold = rs.getInt(13);
    int available = rs.getInt(14);
    StockBadge badge;
    if (!counted) {
      badge = StockBadge.IN_STOCK;
    } else if (available == 0) {
      badge = StockBadge.SOLD_OUT;
    } else if (!loop && threshold > 0 && available <= threshold) {
      badge = StockBadge.LOW;
    } else {
      badge = StockBadge.IN_STOCK;
    }
    return new SkuView(
        rs.getObject(6, UUID.class),
        rs.getString(7),
        Money.of(rs.getLong(8), rs.getString(9)),
        rs.getInt(10),
        rs.getInt(11),
        counted && !loop ? available : null,
        badge);
  }
}
