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
import org.kameng.kernel.catalog.CatalogEntries.Listing;
import org.kameng.kernel.catalog.CatalogEntries.Product;
import org.kameng.kernel.catalog.CatalogEntries.Sku;
import org.kameng.plugin.api.TenantId;

/**
 * Reads a shop's catalog for its staff: hidden items too, with stock per SKU. A fixed number of
 * queries however large the catalog, each grouped in memory.
 */
public final class AdminCatalog {

  private AdminCatalog() {}

  /** Every category and product of the shop, in the shop's order. */
  public static Listing list(Connection c, TenantId tenant) throws SQLException {
    return new Listing(categories(c, tenant), products(c, tenant, null));
  }

  /** One product with its SKUs, tiers and input fields. */
  public static Product product(Connection c, TenantId tenant, UUID productId) throws SQLException {
    List<Product> found = products(c, tenant, productId);
    if (found.isEmpty()) {
      throw new CatalogItemNotFoundException("product", productId);
    }
    return found.get(0);
  }

  private static List<Category> categories(Connection c, TenantId tenant) throws SQLException {
    List<Category> categories = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, parent_id, name, position FROM kameng.category WHERE tenant_id = ?"
                + " ORDER BY position, name, id")) {
      select.setObject(1, tenant.value());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          categories.add(
              new Category(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getInt(4)));
        }
      }
    }
    return categories;
  }

  // only == null: every product of the tenant.
  private static List<Product> products(Connection c, TenantId tenant, UUID only)
      throws SQLException {
    Map<UUID, List<Sku>> skus = SkuEntries.byProduct(c, tenant, only);
    Map<UUID, List<InputField>> fields = inputFields(c, tenant, only);
    List<Product> products = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, category_id, name, description, fulfilment, visible, position"
                + " FROM kameng.product WHERE tenant_id = ? AND (?::uuid IS NULL OR id = ?)"
                + " ORDER BY position, name, id")) {
      bind(select, tenant, only);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          UUID id = rs.getObject(1, UUID.class);
          products.add(
              new Product(
                  id,
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  Fulfilment.valueOf(rs.getString(5)),
                  rs.getBoolean(6),
                  rs.getInt(7),
                  skus.getOrDefault(id, List.of()),
                  fields.getOrDefault(id, List.of())));
        }
      }
    }
    return products;
  }

  private static Map<UUID, List<InputField>> inputFields(
      Connection c, TenantId tenant, UUID product) throws SQLException {
    Map<UUID, List<InputField>> byProduct = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT product_id, name, label, pattern, required FROM kameng.product_input_field"
                + " WHERE tenant_id = ? AND (?::uuid IS NULL OR product_id = ?)"
                + " ORDER BY product_id, position, name")) {
      bind(select, tenant, product);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byProduct
              .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(
                  new InputField(
                      rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
        }
      }
    }
    return byProduct;
  }

  static void bind(PreparedStatement select, TenantId tenant, UUID only) throws SQLException {
    select.setObject(1, tenant.value());
    select.setObject(2, only);
    select.setObject(3, only);
  }
}
