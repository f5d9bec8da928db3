package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/**
 * What a downstream reseller may buy: every visible SKU of a visible product, at the reseller's
 * wholesale price, with stock exact or in bands as the shop chose. The cost never leaves the shop:
 * it only floors the price.
 */
public final class ResellerCatalogue {

  /** At or below this many units (or the SKU's own low-stock mark, if higher), stock is LOW. */
  static final int LOW_BAND = 10;

  private ResellerCatalogue() {}

  /**
   * One SKU on offer.
   *
   * @param stock the number of units available, when the shop shows exact stock; else null
   * @param stockBand NONE, LOW or PLENTY (always given); PLENTY for goods not held as card keys
   * @param inputs what the buyer must enter (the account to top up), sent as the order's inputs
   */
  public record Item(
      UUID productId,
      String productName,
      UUID skuId,
      String skuName,
      String fulfilment,
      Money retailPrice,
      Money price,
      String priceRule,
      int minQuantity,
      int maxQuantity,
      Integer stock,
      String stockBand,
      List<Input> inputs) {}

  /** A field the order must fill in, as the product declares it. */
  public record Input(String name, String label, String pattern, boolean required) {}

  /** The catalogue as this reseller sees it. */
  public static List<Item> items(Connection c, UUID resellerId) throws SQLException {
    Optional<DownstreamResellers.Sourced> discount = DownstreamResellers.discountOf(c, resellerId);
    List<Item> items = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                """
                SELECT p.id, p.name, s.id, s.name, p.fulfilment, s.price_minor, s.currency,
                       s.cost_minor, s.min_quantity, s.max_quantity, s.loop_key,
                       s.low_stock_threshold, t.reseller_stock,
                       (SELECT count(*) FROM kameng.card_key k
                         WHERE k.tenant_id = s.tenant_id AND k.sku_id = s.id
                           AND k.status = 'AVAILABLE'),
                       array(SELECT f.name || chr(31) || f.label || chr(31)
                                    || coalesce(f.pattern, '') || chr(31) || f.required::text
                               FROM kameng.product_input_field f
                              WHERE f.tenant_id = p.tenant_id AND f.product_id = p.id
                              ORDER BY f.position, f.name)
                  FROM kameng.sku s
                  JOIN kameng.product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
                  JOIN kameng.tenant t ON t.id = s.tenant_id
                 WHERE s.visible AND p.visible
                 ORDER BY p.position, p.name, s.position, s.name
                """);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        Money retail = Money.of(rs.getLong(6), rs.getString(7));
        Long cost = rs.getObject(8, Long.class);
        Money price = retail;
        String rule = "wholesale:none";
        if (discount.isPresent()) {
          var ruled = discount.get().discount().apply(retail, cost, discount.get().source());
          price = ruled.unitPrice();
          rule = ruled.rule();
        }
        boolean cardKeys = "CARD_KEY".equals(rs.getString(5));
        boolean loop = rs.getBoolean(11);
        long available = rs.getLong(14);
        String band =
            !cardKeys
                ? "PLENTY"
                : available == 0
                    ? "NONE"
                    : loop || available > Math.max(LOW_BAND, rs.getInt(12)) ? "PLENTY" : "LOW";
        boolean exact = "EXACT".equals(rs.getString(13)) && cardKeys && !loop;
        items.add(
            new Item(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                retail,
                price,
                rule,
                rs.getInt(9),
                rs.getInt(10),
                exact ? (int) Math.min(available, Integer.MAX_VALUE) : null,
                band,
                inputs(rs.getArray(15))));
      }
    }
    return items;
  }

  // Fields travel as unit-separator-joined text: name, label, pattern, required.
  private static List<Input> inputs(java.sql.Array encoded) throws SQLException {
    List<Input> fields = new ArrayList<>();
    for (String field : (String[]) encoded.getArray()) {
      String[] parts = field.split("\u001f", -1);
      fields.add(
          new Input(
              parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], "true".equals(parts[3])));
    }
    return fields;
  }

  /** Whether the shop shows resellers exact stock (EXACT) or bands (BANDED). */
  public static String stockDisplay(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT reseller_stock FROM kameng.tenant WHERE id = kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      return rs.next() ? rs.getString(1) : "BANDED";
    }
  }

  /** Sets how stock is shown to the shop's resellers: EXACT or BANDED. */
  public static String setStockDisplay(Connection c, String display) throws SQLException {
    if (!"EXACT".equals(display) && !"BANDED".equals(display)) {
      throw new InvalidDockingException("stock", "EXACT or BANDED");
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.tenant SET reseller_stock = ? WHERE id = kameng.current_tenant()")) {
      update.setString(1, display);
      update.executeUpdate();
    }
    return display;
  }
}
