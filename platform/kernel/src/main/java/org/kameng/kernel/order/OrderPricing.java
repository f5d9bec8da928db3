package org.kameng.kernel.order;

import java.util.Map;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.Money;

/**
 * The unit price of a line and the record of why: the list price, or the wholesale tier with the
 * largest threshold the quantity reaches. The snapshot is stored with the line and never changes.
 */
record OrderPricing(Money unitPrice, Money lineTotal, FlatJson snapshot) {

  String snapshotJson() {
    return snapshot.toString();
  }

  static OrderPricing of(Offer offer, int quantity) {
    return of(offer, quantity, null);
  }

  /** The same, with {@code rule} (when given) deciding the unit price instead of the tiers. */
  static OrderPricing of(Offer offer, int quantity, UnitPriceRule rule) {
    if (rule != null) {
      UnitPriceRule.RuledPrice ruled = rule.apply(offer.price(), offer.costMinor());
      Money unit = ruled.unitPrice();
      FlatJson snapshot =
          new FlatJson()
              .put("currency", unit.currency())
              .put("listPrice", offer.price().minorUnits())
              .put("unitPrice", unit.minorUnits())
              .put("quantity", quantity)
              .put("rule", ruled.rule())
              .put("product", offer.productName())
              .put("sku", offer.skuName());
      return new OrderPricing(unit, unit.times(quantity), snapshot);
    }
    Map.Entry<Integer, Long> tier = offer.wholesaleTiers().floorEntry(quantity);
    long listPrice = offer.price().minorUnits();
    boolean tierApplies = tier != null && tier.getValue() < listPrice;
    Money unit = tierApplies ? Money.of(tier.getValue(), offer.price().currency()) : offer.price();
    FlatJson snapshot =
        new FlatJson()
            .put("currency", unit.currency())
            .put("listPrice", listPrice)
            .put("unitPrice", unit.minorUnits())
            .put("quantity", quantity)
            .put("rule", tierApplies ? "wholesale:" + tier.getKey() + "+" : "list")
            .put("product", offer.productName())
            .put("sku", offer.skuName());
    return new OrderPricing(unit, unit.times(quantity), snapshot);
  }
}
