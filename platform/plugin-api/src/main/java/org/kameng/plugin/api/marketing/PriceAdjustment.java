package org.kameng.plugin.api.marketing;

import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * A discount a {@link PriceRule} proposes for one cart line. The kernel applies it and records it
 * in the line's price snapshot (which rule gave which price). Immutable.
 *
 * <p>Discounts are per line: a rule that discounts the whole order allocates the discount over the
 * lines itself, so each line's snapshot stays exact. The kernel never lets a line's total fall
 * below zero, whatever the rules return.
 *
 * @param lineRef the {@link CartLine#lineRef()} it applies to
 * @param delta the change of the line's total: negative, in the cart's currency
 * @param ruleId what produced it, stable, for the snapshot and reports: the plugin's id and, if
 *     useful, a rule or coupon of its own ({@code marketing-coupons:SPRING24})
 * @param description what the buyer sees next to the line, in the cart's locale, 1 to 200
 *     characters
 */
public record PriceAdjustment(String lineRef, Money delta, String ruleId, String description) {

  /** Checks the sign of the delta and the texts. */
  public PriceAdjustment {
    if (lineRef == null || lineRef.isBlank()) {
      throw new IllegalArgumentException("lineRef must not be blank");
    }
    Objects.requireNonNull(delta, "delta");
    if (delta.minorUnits() >= 0) {
      throw new IllegalArgumentException("a price adjustment is a discount, below zero: " + delta);
    }
    if (ruleId == null || ruleId.isBlank() || ruleId.length() > 128) {
      throw new IllegalArgumentException("ruleId must be 1 to 128 characters");
    }
    if (description == null || description.isBlank() || description.length() > 200) {
      throw new IllegalArgumentException("description must be 1 to 200 characters");
    }
  }
}
