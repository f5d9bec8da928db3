package org.kameng.kernel.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.marketing.CartLine;
import org.kameng.plugin.api.marketing.CartSnapshot;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.Redemption;

/**
 * A line's price after the shop's price rules: the kernel's own price (list or wholesale), then
 * each rule's adjustments applied within the kernel's rules, all recorded in the snapshot (which
 * rule took what off, which were skipped or refused). The uses of limited promotions are collected
 * here and taken by {@link PlaceOrder} once the order row exists.
 *
 * @param lineTotal the line's total after adjustments, never below zero
 * @param snapshotJson the immutable price snapshot stored with the line
 * @param takes the promotion uses to take with the order
 */
record AdjustedPricing(Money lineTotal, String snapshotJson, List<Take> takes) {

  /** The single line of today's orders; rules name it in their adjustments. */
  static final String LINE = "1";

  /** One use to take: the counter's key (scoped to the plugin), the code and the limits. */
  record Take(String limitKey, String code, long maxUses, long maxPerBuyer) {}

  /** The kernel's price alone, when the shop has no rules and the buyer entered no code. */
  static AdjustedPricing plain(OrderPricing base) {
    return new AdjustedPricing(base.lineTotal(), base.snapshotJson(), List.of());
  }

  /**
   * Asks the rules and applies their answers.
   *
   * @throws InvalidPromotionException if the buyer entered a code no rule redeemed
   */
  static AdjustedPricing apply(
      OrderPricing base,
      Offer offer,
      int quantity,
      String code,
      Optional<String> buyerKey,
      PriceRules rules,
      Instant now) {
    String currency = base.unitPrice().currency();
    CartLine line =
        new CartLine(
            LINE,
            offer.productId().toString(),
            offer.skuId().toString(),
            offer.categoryId().map(Object::toString),
            quantity,
            base.unitPrice(),
            base.lineTotal());
    CartSnapshot cart =
        new CartSnapshot(
            currency,
            List.of(line),
            code == null ? List.of() : List.of(code),
            buyerKey,
            Locale.ROOT,
            now);
    PriceRules.Answer answer = rules.propose(cart);
    long remaining = base.lineTotal().minorUnits();
    List<FlatJson> applied = new ArrayList<>();
    List<FlatJson> refused = new ArrayList<>();
    List<Take> takes = new ArrayList<>();
    boolean redeemed = false;
    for (PriceRules.Proposed proposed : answer.proposals()) {
      String plugin = proposed.pluginId();
      List<Take> mine = new ArrayList<>();
      boolean honest = true;
      for (Redemption r : proposed.proposal().redemptions()) {
        // A use for a code the buyer did not enter would grant a discount nobody asked for.
        if (code == null || !r.code().strip().equalsIgnoreCase(code)) {
          honest = false;
        } else {
          mine.add(new Take(plugin + ":" + r.limitKey(), code, r.maxUses(), r.maxUsesPerBuyer()));
        }
      }
      if (!honest) {
        refused.add(
            new FlatJson().put("plugin", plugin).put("reason", "use of a code not entered"));
        continue;
      }
      takes.addAll(mine);
      redeemed |= !mine.isEmpty();
      for (PriceAdjustment a : proposed.proposal().adjustments()) {
        String reason = null;
        if (!LINE.equals(a.lineRef())) {
          reason = "no such line";
        } else if (!currency.equals(a.delta().currency())) {
          reason = "currency " + a.delta().currency();
        }
        if (reason != null) {
          refused.add(
              new FlatJson().put("plugin", plugin).put("rule", a.ruleId()).put("reason", reason));
          continue;
        }
        // Never below zero, whatever the rules return.
        long off = Math.min(-a.delta().minorUnits(), remaining);
        remaining -= off;
        applied.add(
            new FlatJson()
                .put("plugin", plugin)
                .put("rule", a.ruleId())
                .put("description", a.description())
                .put("proposed", a.delta().minorUnits())
                .put("applied", -off));
      }
    }
    if (code != null && !redeemed) {
      if (!answer.skipped().isEmpty()) {
        throw new InvalidPromotionException(
            "couponCode",
            "this code cannot be checked right now; try again shortly or order without it",
            true);
      }
      throw new InvalidPromotionException(
          "couponCode", "this code is not valid for this order", false);
    }
    FlatJson snapshot =
        base.snapshot()
            .put("listTotal", base.lineTotal().minorUnits())
            .put("adjustments", applied)
            .put("lineTotal", remaining);
    if (!refused.isEmpty()) {
      snapshot.put("refusedAdjustments", refused);
    }
    if (!answer.skipped().isEmpty()) {
      snapshot.put("skippedRules", String.join(",", answer.skipped()));
    }
    return new AdjustedPricing(Money.of(remaining, currency), snapshot.toString(), takes);
  }
}
