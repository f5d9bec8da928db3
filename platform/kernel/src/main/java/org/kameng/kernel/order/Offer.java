package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    String productName,
    String skuName,
    Fulfilment fulfilment,
    Money price,
    int minQuantity,
    int maxQuantity,
    boolean loopKey,
    TreeMap<Integer, Long> wholesaleTiers,
    List<InputField> inputFields) {

  record InputField(String name, String label, String pattern, boolean required) {}

  /** The visible SKU of a visible product of the current tenant, if there is one. */
  static Optional<Offer> load(Connection c, UUID skuId) throws SQLException {
    Offer offer;
    UUID productId;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.id, p.name, s.name, p.fulfilment, s.price_minor, s.currency,"
                + " s.min_quantity, s.max_quantity, s.loop_key"
                + " FROM kameng.sku s JOIN kameng.product p"
                + " ON p.tenant_id = s.tenant_id AND p.id = s.product_id"
                + " WHERE s.id = ? AND s.visible AND p.visible")) {
      select.setObject(1, skuId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        productId = rs.getObject(1, UUID.class);
        offer =
            new Offer(
                skuId,
                rs.getString(2),
                rs.getString(3),
                Fulfilment.valueOf(rs.getString(4)),
                Money.of(rs.getLong(5), rs.getString(6)),
                rs.getInt(7),
                rs.getInt(8),
                rs.getBoolean(9),
                new TreeMap<>(),
                new ArrayList<>());
      }
    }
    loadTiers(c, offer);
    loadInputs(c, productId, offer);
    return Optional.of(offer);
  }

  private static void loadTiers(Connection c, Offer offer) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT min_quantity, price_minor FROM kameng.wholesale_tier WHERE sku_id = ?")) {
      select.setObject(1, offer.skuId());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          offer.wholesaleTiers().put(rs.getInt(1), rs.getLong(2));
        }
      }
    }
  }

  private static void loadInputs(Connection c, UUID productId, Offer offer) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT name, label, pattern, required FROM kameng.product_input_field"
                + " WHERE product_id = ? ORDER BY position, name")) {
      select.setObject(1, productId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          offer
              .inputFields()
              .add(
                  new InputField(
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
    }
  }
}
