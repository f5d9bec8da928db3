package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * Writes a shop's catalog. Every method runs inside the caller's tenant transaction; row-level
 * security rejects rows for any other tenant.
 */
public final class Catalog {

  private Catalog() {}

  /** Creates a category; {@code parentId} may be null for a top-level one. */
  public static UUID createCategory(
      Connection c, TenantId tenant, UUID parentId, String name, int position) throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.category (tenant_id, id, parent_id, name, position)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, parentId);
      insert.setString(4, name);
      insert.setInt(5, position);
      insert.executeUpdate();
    }
    return id;
  }

  /** Creates a visible product. */
  public static UUID createProduct(
      Connection c,
      TenantId tenant,
      UUID categoryId,
      String name,
      String description,
      Fulfilment fulfilment)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.product (tenant_id, id, category_id, name, description, fulfilment)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, categoryId);
      insert.setString(4, name);
      insert.setString(5, description);
      insert.setString(6, fulfilment.name());
      insert.executeUpdate();
    }
    return id;
  }

  /** Creates a visible SKU of a product. */
  public static UUID createSku(Connection c, TenantId tenant, UUID productId, NewSku sku)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.sku (tenant_id, id, product_id, name, price_minor, currency,"
                + " cost_minor, min_quantity, max_quantity, loop_key, low_stock_threshold)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, productId);
      insert.setString(4, sku.name());
      insert.setLong(5, sku.price().minorUnits());
      insert.setString(6, sku.price().currency());
      if (sku.cost() == null) {
        insert.setNull(7, Types.BIGINT);
      } else {
        insert.setLong(7, sku.cost().minorUnits());
      }
      insert.setInt(8, sku.minQuantity());
      insert.setInt(9, sku.maxQuantity());
      insert.setBoolean(10, sku.loopKey());
      insert.setInt(11, sku.lowStockThreshold());
      insert.executeUpdate();
    }
    return id;
  }

  /** From {@code minQuantity} units on, each unit costs {@code priceMinor}. */
  public static void addWholesaleTier(
      Connection c, TenantId tenant, UUID skuId, int minQuantity, long priceMinor)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.wholesale_tier (tenant_id, sku_id, min_quantity, price_minor)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, skuId);
      insert.setInt(3, minQuantity);
      insert.setLong(4, priceMinor);
      insert.executeUpdate();
    }
  }

  /** Declares an input the buyer fills in, validated against {@code pattern} if given. */
  public static void addInputField(
      Connection c,
      TenantId tenant,
      UUID productId,
      String name,
      String label,
      String pattern,
      boolean required)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.product_input_field"
                + " (tenant_id, product_id, name, label, pattern, required) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, productId);
      insert.setString(3, name);
      insert.setString(4, label);
      insert.setString(5, pattern);
      insert.setBoolean(6, required);
      insert.executeUpdate();
    }
  }
}
