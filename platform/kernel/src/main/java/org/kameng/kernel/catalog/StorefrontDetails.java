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
import org.kameng.kernel.catalog.CatalogEntries.Category;
import org.kameng.kernel.catalog.CatalogEntries.InputField;
import org.kameng.kernel.catalog.CatalogEntries.Tier;
import org.kameng.plugin.api.Money;

/**
 * What a buyer's pages show beside {@link StorefrontCatalog}: the current tenant's categories, and
 * a product's wholesale tiers and input fields. Never costs or stock counts of hidden SKUs.
 */
public final class StorefrontDetails {

  private StorefrontDetails() {}

  /** A product's buyer-facing extras: tiers by SKU id (ascending) and the fields to fill in. */
  public record Extras(Map<UUID, List<Tier>> tiers, List<InputField> inputFields) {}

  /** The current tenant's categories, in the shop's order. */
  public static List<Category> categories(Connection c) throws SQLException {
    List<Category> categories = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, parent_id, name, position FROM kameng.category"
                    + " ORDER BY position, name, id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        categories.add(
            new Category(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getInt(4)));
      }
    }
    return categories;
  }

  /** The tiers of the product's visible SKUs and the product's input fields. */
  public static Extras of(Connection c, UUID productId) throws SQLException {
    Map<UUID, List<Tier>> tiers = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT t.sku_id, t.min_quantity, t.price_minor, s.currency"
                + " FROM kameng.wholesale_tier t"
                + " JOIN kameng.sku s ON s.tenant_id = t.tenant_id AND s.id = t.sku_id"
                + " WHERE s.product_id = ? AND s.visible ORDER BY t.sku_id, t.min_quantity")) {
      select.setObject(1, productId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          tiers
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new Tier(rs.getInt(2), Money.of(rs.getLong(3), rs.getString(4))));
        }
      }
    }
    List<InputField> fields = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT name, label, pattern, required FROM kameng.product_input_field"
                + " WHERE product_id = ? ORDER BY position, name")) {
      select.setObject(1, productId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          fields.add(
              new InputField(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
    return new Extras(tiers, fields);
  }

  /**
   * A product page's details in one statement: the tiers of the product's visible SKUs, its input
   * fields, and the name of its category (null if it has none), instead of one query each (P4).
   */
  public record PageDetails(Extras extras, String categoryName) {}

  /** The details a product's page shows besides the product itself; see {@link PageDetails}. */
  public static PageDetails forPage(Connection c, UUID productId, UUID categoryId)
      throws SQLException {
    Map<UUID, List<Tier>> tiers = new HashMap<>();
    List<InputField> fields = new ArrayList<>();
    String categoryName = null;
    try (PreparedStatement select = c.prepareStatement(PAGE_DETAILS)) {
      select.setObject(1, productId);
      select.setObject(2, productId);
      select.setObject(3, categoryId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          switch (rs.getInt(1)) {
            case 0 ->
                tiers
                    .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                    .add(new Tier(rs.getInt(3), Money.of(rs.getLong(4), rs.getString(5))));
            case 1 ->
                fields.add(
                    new InputField(
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)));
            default -> categoryName = rs.getString(5);
          }
        }
      }
    }
    return new PageDetails(new Extras(tiers, fields), categoryName);
  }

  // Kind 0: a tier (sku, min quantity, price, currency); 1: an input field (position, name, label,
  // pattern, required); 2: the category (name). Ordered as of() orders each.
  private static final String PAGE_DETAILS =
      """
      SELECT 0 AS kind, t.sku_id AS sku, t.min_quantity AS n, t.price_minor AS amount,
             s.currency AS a, NULL::text AS b, NULL::text AS c, false AS required
        FROM kameng.wholesale_tier t
        JOIN kameng.sku s ON s.tenant_id = t.tenant_id AND s.id = t.sku_id
       WHERE s.product_id = ? AND s.visible
      UNION ALL
      SELECT 1, NULL, f.position, NULL, f.name, f.label, f.pattern, f.required
        FROM kameng.product_input_field f
       WHERE f.product_id = ?
      UNION ALL
      SELECT 2, NULL, NULL, NULL, g.name, NULL, NULL, false
        FROM kameng.category g
       WHERE g.id = ?
       ORDER BY kind, sku, n, a
      """;
}
