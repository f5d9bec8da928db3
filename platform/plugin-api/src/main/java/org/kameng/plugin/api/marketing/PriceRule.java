package org.kameng.plugin.api.marketing;

import java.util.List;

/**
 * One tenant's configured pricing rule (coupons, volume discounts), created by its {@link
 * PriceRuleFactory}. Thread-safe.
 *
 * <p>The kernel prices a cart from its list or wholesale prices, asks every enabled rule for
 * adjustments, applies them and records them in the order's price snapshot. A rule proposes; it
 * never mutates the cart, an order or anything else.
 */
public interface PriceRule {

  /**
   * Proposes adjustments for a cart. Called on the request thread, synchronously, whenever a cart
   * is priced: for a preview as often as the buyer changes the cart, and once more when the order
   * is placed, possibly with the same snapshot. It must therefore have no side effects: reading the
   * store is fine, consuming a coupon here is not. The call has a short time limit (a few hundred
   * milliseconds); a rule that throws or overruns is skipped and the cart priced without it, except
   * that a promotion code the buyer entered and no answering rule redeemed is then refused as
   * "cannot be checked right now" rather than ignored.
   *
   * @param cart the cart as priced before any rule
   * @return the adjustments, empty if the rule does not apply; each names a line of the cart and is
   *     in the cart's currency
   */
  List<PriceAdjustment> adjust(CartSnapshot cart);

  /**
   * Proposes adjustments and the limited uses they need (a coupon's). The host calls this method,
   * under the same rules as {@link #adjust}; the default answers {@link #adjust}'s adjustments with
   * no use to take. A rule with limits (total uses, uses per buyer) overrides it and leaves the
   * counting to the kernel, which takes each {@link Redemption} atomically with the order.
   *
   * @param cart the cart as priced before any rule
   * @return the adjustments and the uses they need
   * @since 0.1.0
   */
  default Proposal propose(CartSnapshot cart) {
    return Proposal.of(adjust(cart));
  }
}
