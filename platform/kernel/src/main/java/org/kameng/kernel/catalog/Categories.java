package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries.Category;
import org.kameng.plugin.api.TenantId;

/**
 * A shop's categories, managed by its staff. Categories nest one level: a top-level category may
 * hold subcategories, a subcategory holds none. Every method runs in the caller's tenant
 * transaction.
 */
public final class Categories {

  private Categories() {}

  /** Creates a category at the end of its siblings. */
  public static Category create(Connection c, TenantId tenant, CategoryDraft draft)
      throws SQLException {
    String name = checkedName(draft);
    checkParent(c, tenant, null, draft.parentId());
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.category (tenant_id, id, parent_id, name, position)"
                + " SELECT ?, ?, ?, ?, COALESCE(max(position) + 1, 0) FROM kameng.category"
                + " WHERE tenant_id = ? AND parent_id IS NOT DISTINCT FROM ?"
                + " RETURNING position")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, id);
      insert.setObject(3, draft.parentId());
      insert.setString(4, name);
      insert.setObject(5, tenant.value());
      insert.setObject(6, draft.parentId());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return new Category(id, draft.parentId(), name, rs.getInt(1));
      }
    }
  }

  /** Renames a category or moves it under another parent (or to the top level). */
  public static Category update(Connection c, TenantId tenant, UUID id, CategoryDraft draft)
      throws SQLException {
    String name = checkedName(draft);
    Contents self =
        locked(c, tenant, id).orElseThrow(() -> new CatalogItemNotFoundException("category", id));
    checkParent(c, tenant, id, draft.parentId());
    if (draft.parentId() != null && self.children() > 0) {
      throw new InvalidCatalogException(
          "parentId", "this category holds subcategories, so it must stay top-level");
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.category SET parent_id = ?, name = ? WHERE tenant_id = ? AND id = ?"
                + " RETURNING position")) {
      update.setObject(1, draft.parentId());
      update.setString(2, name);
      update.setObject(3, tenant.value());
      update.setObject(4, id);
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        return new Category(id, draft.parentId(), name, rs.getInt(1));
      }
    }
  }

  /** Deletes an empty category; one that still holds products or subcategories is refused. */
  public static void delete(Connection c, TenantId tenant, UUID id) throws SQLException {
    Contents contents =
        locked(c, tenant, id).orElseThrow(() -> new CatalogItemNotFoundException("category", id));
    if (contents.children() > 0) {
      throw new CatalogConflictException(
          "The category still holds "
              + contents.children()
              + " subcategories: move or delete them first.");
    }
    if (contents.products() > 0) {
      throw new CatalogConflictException(
          "The category still lists "
              + contents.products()
              + " products: move them to another category or delete them first.");
    }
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM kameng.category WHERE tenant_id = ? AND id = ?")) {
      delete.setObject(1, tenant.value());
      delete.setObject(2, id);
      CatalogUsage.deleteOrRefuse(delete, "The category is still in use.");
    }
  }

  /** Shows the listed categories in this order. */
  public static void reorder(Connection c, TenantId tenant, List<UUID> ids) throws SQLException {
    Positions.assign(c, tenant, Positions.Kind.CATEGORY, null, ids);
  }

  private static String checkedName(CategoryDraft draft) {
    Objects.requireNonNull(draft, "draft");
    return Rules.text("name", draft.name(), 1, 100);
  }

  private record Contents(UUID parentId, int children, int products) {}

  // FOR UPDATE holds off products and subcategories being added while this one changes: their
  // foreign keys need a KEY SHARE lock on it.
  private static Optional<Contents> locked(Connection c, TenantId tenant, UUID id)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT parent_id,"
                + " (SELECT count(*) FROM kameng.category ch"
                + "   WHERE ch.tenant_id = cat.tenant_id AND ch.parent_id = cat.id),"
                + " (SELECT count(*) FROM kameng.product p"
                + "   WHERE p.tenant_id = cat.tenant_id AND p.category_id = cat.id)"
                + " FROM kameng.category cat WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
      select.setObject(1, tenant.value());
      select.setObject(2, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Contents(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3)))
            : Optional.empty();
      }
    }
  }

  // Keeps the tree one level deep: the parent must exist and be top-level.
  private static void checkParent(Connection c, TenantId tenant, UUID self, UUID parentId)
      throws SQLException {
    if (parentId == null) {
      return;
    }
    if (parentId.equals(self)) {
      throw new InvalidCatalogException("parentId", "a category cannot be its own parent");
    }
    Contents parent =
        lockedParent(c, tenant, parentId)
            .orElseThrow(() -> new InvalidCatalogException("parentId", "no such category"));
    if (parent.parentId() != null) {
      throw new InvalidCatalogException(
          "parentId", "categories nest one level only: the parent is itself a subcategory");
    }
  }

  // FOR SHARE: the parent may be neither deleted nor moved under another category until the child
  // that points at it is committed.
  private static Optional<Contents> lockedParent(Connection c, TenantId tenant, UUID id)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT parent_id FROM kameng.category WHERE tenant_id = ? AND id = ?"
                + " FOR SHARE")) {
      select.setObject(1, tenant.value());
      select.setObject(2, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Contents(rs.getObject(1, UUID.class), 0, 0))
            : Optional.empty();
      }
    }
  }
}
