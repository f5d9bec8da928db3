package org.kameng.kernel.order;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.kameng.kernel.catalog.Fulfilment;
import org.kameng.plugin.api.Money;

/**
 * A SKU as it can be bought right now: its price, limits, tiers and the product's declared inputs.
 */
record Offer(
    UUID skuId,
    UUID productId,
    Optional<UUID> categoryId,
    String productName,
    String skuName,
    Fulfilment fulfilment,
    Money price,
    int minQuantity,
    int maxQuantity,
    boolean loopKey,
    int lowStockThreshold,
    TreeMap<Integer, Long> wholesaleTiers,
    List<InputField> inputFields,
    Long costMinor) {

  record InputField(String name, String label, String pattern, boolean required) {}

  /**
   * The visible SKU of a visible product of the current tenant, if there is one, read in one round
   * trip with the shop's status and reservation window (this is on every checkout).
   */
  static Optional<Offer> load(Connection c, UUID skuId, ShopWindow[] window) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            """
            SELECT t.status, now(), now() + make_interval(mins => t.reservation_minutes),
                   p.name, s.name, p.fulfilment, s.price_minor, s.currency,
                   s.min_quantity, s.max_quantity, s.loop_key, s.low_stock_threshold,
                   array(SELECT w.min_quantity FROM kameng.wholesale_tier w
                          WHERE w.tenant_id = s.tenant_id AND w.sku_id = s.id
                          ORDER BY w.min_quantity),
                   array(SELECT w.price_minor FROM kameng.wholesale_tier w
                          WHERE w.tenant_id = s.tenant_id AND w.sku_id = s.id
                          ORDER BY w.min_quantity),
                   array(SELECT f.name || chr(31) || f.label || chr(31) || coalesce(f.pattern, '')
                                || chr(31) || f.required::text
                           FROM kameng.product_input_field f
                          WHERE f.tenant_id = p.tenant_id AND f.product_id = p.id
                          ORDER BY f.position, f.name),
                   p.id, p.category_id,
                   s.cost_minor
              FROM kameng.tenant t
              LEFT JOIN kameng.sku s ON s.tenant_id = t.id AND s.id = ? AND s.visible
              LEFT JOIN kameng.product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
             WHERE t.id = kameng.current_tenant()
            """)) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          window[0] = null;
          return Optional.empty();
        }
        window[0] =
            new ShopWindow(
                "ACTIVE".equals(rs.getString(1)),
                rs.getObject(2, OffsetDateTime.class),
                rs.getObject(3, OffsetDateTime.class));
        if (rs.getString(4) == null) {
          return Optional.empty();
        }
        return Optional.of(
            new Offer(
                skuId,
                rs.getObject(16, UUID.class),
                Optional.ofNullable(rs.getObject(17, UUID.class)),
                rs.getString(4),
                rs.getString(5),
                Fulfilment.valueOf(rs.getString(6)),
                Money.of(rs.getLong(7), rs.getString(8)),
                rs.getInt(9),
                rs.getInt(10),
                rs.getBoolean(11),
                rs.getInt(12),
                tiers(rs.getArray(13), rs.getArray(14)),
                inputs(rs.getArray(15)),
                rs.getObject(18, Long.class)));
      }
    }
  }

  /** Whether the shop trades, the database's now, and when a reservation made now ends. */
  record ShopWindow(boolean open, OffsetDateTime now, OffsetDateTime reservationEnd) {}

  private static TreeMap<Integer, Long> tiers(Array quantities, Array prices) throws SQLException {
    TreeMap<Integer, Long> tiers = new TreeMap<>();
    Integer[] q = (Integer[]) quantities.getArray();
    Long[] p = (Long[]) prices.getArray();
    for (int i = 0; i < q.length; i++) {
      tiers.put(q[i], p[i]);
    }
    return tiers;
  }

  // Fields travel as unit-separator-joined text: name, label, pattern, required.
  private static List<InputField> inputs(Array encoded) throws SQLException {
    List<InputField> fields = new ArrayList<>();
    for (String field : (String[]) encoded.getArray()) {
      String[] parts = field.split("\u001f", -1);
      fields.add(
          new InputField(
              parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], "true".equals(parts[3])));
    }
    return fields;
  }
}
