package org.kameng.plugin.api.marketing;

/**
 * One use of a limited promotion (a coupon code) that a {@link PriceRule}'s {@link Proposal} needs
 * the kernel to take. The kernel takes it in the same transaction that writes the order, under a
 * lock on the promotion's counter: when the limit is reached, or the buyer has used the promotion
 * as often as allowed, the order is refused (naming the code) and nothing is written. A rule
 * therefore never counts uses itself, and never needs to: the kernel's count is exact under any
 * number of concurrent buyers and server instances. A use is given back when its order expires or
 * is cancelled before payment.
 *
 * @param code the promotion code, one of {@link CartSnapshot#promotionCodes()}, that this use
 *     redeems; a code the buyer entered that no proposal redeems is refused as not valid
 * @param limitKey what is counted, stable across configuration changes, 1 to 100 characters ({@code
 *     SPRING24}); the host scopes it to the plugin, so two plugins never share a count
 * @param maxUses how many orders in all may use it, at least 1, or 0 for no total limit
 * @param maxUsesPerBuyer how many orders of one buyer (by {@link CartSnapshot#buyerKey()}) may use
 *     it, at least 1, or 0 for no limit per buyer
 */
public record Redemption(String code, String limitKey, long maxUses, long maxUsesPerBuyer) {

  /** Checks the texts and that the limits are not negative. */
  public Redemption {
    if (code == null || code.isBlank() || code.length() > 100) {
      throw new IllegalArgumentException("code must be 1 to 100 characters");
    }
    if (limitKey == null || limitKey.isBlank() || limitKey.length() > 100) {
      throw new IllegalArgumentException("limitKey must be 1 to 100 characters");
    }
    if (maxUses < 0 || maxUsesPerBuyer < 0) {
      throw new IllegalArgumentException("limits are 0 (none) or positive");
    }
  }
}
