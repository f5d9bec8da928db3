package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * The order in which a shop shows its categories, products or SKUs: the listed ids get positions 0,
 * 1, 2, ...; items not listed keep theirs. All or nothing: one unknown id changes nothing.
 */
final class Positions {

  private static final int MAX_IDS = 10_000;

  /** What can be ordered, with its table; the table name never comes from input. */
  enum Kind {
    CATEGORY("kameng.category", "category"),
    PRODUCT("kameng.product", "product"),
    SKU("kameng.sku", "SKU of this product");

    private final String table;
    private final String noun;

    Kind(String table, String noun) {
      this.table = table;
      this.noun = noun;
    }
  }

  private Positions() {}

  /**
   * Gives the listed items positions in list order; {@code productId} confines SKUs to one product
   * and is null for the other kinds.
   */
  static void assign(Connection c, TenantId tenant, Kind kind, UUID productId, List<UUID> ids)
      throws SQLException {
    checkIds(ids);
    String sql =
        "UPDATE "
            + kind.table
            + " SET position = ? WHERE tenant_id = ? AND id = ?"
            + (productId == null ? "" : " AND product_id = ?");
    try (PreparedStatement update = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.size(); i++) {
        update.setInt(1, i);
        update.setObject(2, tenant.value());
        update.setObject(3, ids.get(i));
        if (productId != null) {
          update.setObject(4, productId);
        }
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new InvalidCatalogException("ids[" + i + "]", "no such " + kind.noun);
        }
      }
    }
  }

  private static void checkIds(List<UUID> ids) {
    if (ids == null) {
      throw new InvalidCatalogException("ids", "required: the ids in the order to show them");
    }
    if (ids.size() > MAX_IDS) {
      throw new InvalidCatalogException("ids", "at most " + MAX_IDS + " ids");
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) == null) {
        throw new InvalidCatalogException("ids[" + i + "]", "required");
      }
      if (!seen.add(ids.get(i))) {
        throw new InvalidCatalogException("ids[" + i + "]", "listed twice");
      }
    }
  }
}
