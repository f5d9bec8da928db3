package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries.Product;
import org.kameng.kernel.tenant.ShopPlan;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's products, managed by its staff. A product's fulfilment is fixed once its SKUs have card
 * keys or orders, and such a product can be hidden but not deleted. Every method runs in the
 * caller's tenant transaction.
 */
public final class Products {

  private Products() {}

  /** Creates a visible product at the end of the list; it has no SKUs yet. */
  public static Product create(Connection c, TenantId tenant, ProductDraft draft)
      throws SQLException {
    ProductRules.Valid valid = ProductRules.checked(c, tenant, draft);
    ShopPlan.requireRoomForProduct(c, tenant);
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.product"
                + " (tenant_id, id, category_id, name, description, fulfilment, position)"
                + " SELECT ?, ?, ?, ?, ?, ?, COALESCE(max(position) + 1, 0) FROM kameng.product"
                + " WHERE tenant_id = ?")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, valid.categoryId());
      insert.setString(4, valid.name());
      insert.setString(5, valid.description());
      insert.setString(6, valid.fulfilment().name());
      insert.setObject(7, tenant.value());
      insert.executeUpdate();
    }
    return AdminCatalog.product(c, tenant, id);
  }

  /** Changes a product's category, name, description and (while nothing was sold) fulfilment. */
  public static Product update(Connection c, TenantId tenant, UUID id, ProductDraft draft)
      throws SQLException {
    Fulfilment current = lockedFulfilment(c, tenant, id);
    ProductRules.Valid valid = ProductRules.checked(c, tenant, draft);
    if (valid.fulfilment() != current && CatalogUsage.productInUse(c, tenant, id)) {
      throw new CatalogConflictException(
          "The fulfilment cannot change: the product's SKUs have card keys or orders."
              + " Create a new product instead and hide this one.");
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.product SET category_id = ?, name = ?, description = ?, fulfilment = ?"
                + " WHERE tenant_id = ? AND id = ?")) {
      update.setObject(1, valid.categoryId());
      update.setString(2, valid.name());
      update.setString(3, valid.description());
      update.setString(4, valid.fulfilment().name());
      update.setObject(5, tenant.value());
      update.setObject(6, id);
      update.executeUpdate();
    }
    return AdminCatalog.product(c, tenant, id);
  }

  /** Shows or hides a product on the storefront; hidden products cannot be ordered. */
  public static void setVisible(Connection c, TenantId tenant, UUID id, boolean visible)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.product SET visible = ? WHERE tenant_id = ? AND id = ?")) {
      update.setBoolean(1, visible);
      update.setObject(2, tenant.value());
      update.setObject(3, id);
      if (update.executeUpdate() == 0) {
        throw new CatalogItemNotFoundException("product", id);
      }
    }
  }

  /** Deletes a product with its SKUs, tiers and input fields, unless anything of it was sold. */
  public static void delete(Connection c, TenantId tenant, UUID id) throws SQLException {
    lockedFulfilment(c, tenant, id);
    String refusal =
        "The product's SKUs have card keys or orders, so it cannot be deleted. Hide it instead.";
    if (CatalogUsage.productInUse(c, tenant, id)) {
      throw new CatalogConflictException(refusal);
    }
    // Tiers and input fields go with their SKU and product (ON DELETE CASCADE). Imports that left
    // no keys behind (all duplicates or rejected) would otherwise keep a dead SKU alive.
    for (String sql :
        List.of(
            "DELETE FROM kameng.card_key_import i USING kameng.sku s"
                + " WHERE s.tenant_id = i.tenant_id AND s.id = i.sku_id"
                + " AND s.tenant_id = ? AND s.product_id = ?",
            "DELETE FROM kameng.sku WHERE tenant_id = ? AND product_id = ?",
            "DELETE FROM kameng.product WHERE tenant_id = ? AND id = ?")) {
      try (PreparedStatement delete = c.prepareStatement(sql)) {
        delete.setObject(1, tenant.value());
        delete.setObject(2, id);
        CatalogUsage.deleteOrRefuse(delete, refusal);
      }
    }
  }

  /** Shows the listed products in this order. */
  public static void reorder(Connection c, TenantId tenant, List<UUID> ids) throws SQLException {
    Positions.assign(c, tenant, Positions.Kind.PRODUCT, null, ids);
  }

  /** The product's fulfilment, locked against concurrent changes; not found if not this shop's. */
  static Fulfilment lockedFulfilment(Connection c, TenantId tenant, UUID id) throws SQLException {
    return find(c, tenant, id, "FOR UPDATE")
        .orElseThrow(() -> new CatalogItemNotFoundException("product", id));
  }

  /** The product's fulfilment; it cannot be deleted before the transaction ends. */
  static Optional<Fulfilment> sharedFulfilment(Connection c, TenantId tenant, UUID id)
      throws SQLException {
    return find(c, tenant, id, "FOR KEY SHARE");
  }

  private static Optional<Fulfilment> find(Connection c, TenantId tenant, UUID id, String lock)
      throws SQLException {
    Objects.requireNonNull(id, "id");
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT fulfilment FROM kameng.product WHERE tenant_id = ? AND id = ? " + lock)) {
      select.setObject(1, tenant.value());
      select.setObject(2, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(Fulfilment.valueOf(rs.getString(1))) : Optional.empty();
      }
    }
  }
}
