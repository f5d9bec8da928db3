package org.kameng.plugin.api.marketing;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link PriceRule} proposes for a cart: its adjustments, and the uses of limited promotions
 * the kernel must take for them to stand. Immutable.
 *
 * @param adjustments the discounts, possibly none
 * @param redemptions the uses to take with the order, possibly none; taken only when the order is
 *     placed, never for a preview
 */
public record Proposal(List<PriceAdjustment> adjustments, List<Redemption> redemptions) {

  /** Copies the lists. */
  public Proposal {
    adjustments = List.copyOf(Objects.requireNonNull(adjustments, "adjustments"));
    redemptions = List.copyOf(Objects.requireNonNull(redemptions, "redemptions"));
  }

  /** Adjustments that need no limited use. */
  public static Proposal of(List<PriceAdjustment> adjustments) {
    return new Proposal(adjustments, List.of());
  }
}
