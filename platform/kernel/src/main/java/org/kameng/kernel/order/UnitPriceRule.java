package org.kameng.kernel.order;

import org.kameng.plugin.api.Money;

/**
 * A unit price other than the storefront's list price and quantity tiers: what a downstream
 * reseller pays at wholesale. The rule's name goes into the line's price snapshot.
 */
@FunctionalInterface
public interface UnitPriceRule {

  /**
   * The unit price of a SKU for this order.
   *
   * @param listPrice the SKU's retail price
   * @param costMinor what the unit costs the shop, in the list price's currency; null if unset
   */
  RuledPrice apply(Money listPrice, Long costMinor);

  /** A unit price and the name of the rule that gave it. */
  record RuledPrice(Money unitPrice, String rule) {}
}
