package org.kameng.plugin.api.marketing;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.kameng.plugin.api.Money;

/**
 * An immutable picture of a cart at the moment it is priced: what a {@link PriceRule} sees.
 *
 * @param currency the ISO 4217 currency of every line
 * @param lines the lines, at least one, distinct references, all in {@code currency}
 * @param promotionCodes the codes the buyer entered (coupons), as entered, possibly none
 * @param buyerKey a stable pseudonym of the buyer (a keyed hash of the normalised email), for
 *     per-buyer limits; empty when the buyer is not known yet. Never the email itself
 * @param locale the buyer's locale, for the adjustment descriptions
 * @param pricedAt when the cart is priced, for validity windows; read this, not the clock
 */
public record CartSnapshot(
    String currency,
    List<CartLine> lines,
    List<String> promotionCodes,
    Optional<String> buyerKey,
    Locale locale,
    Instant pricedAt) {

  /** Checks that there are lines, with distinct references, all in the currency. */
  public CartSnapshot {
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a cart has at least one line");
    }
    if (new HashSet<>(lines.stream().map(CartLine::lineRef).toList()).size() != lines.size()) {
      throw new IllegalArgumentException("cart line references must be distinct");
    }
    for (CartLine line : lines) {
      if (!line.unitPrice().currency().equals(currency)) {
        throw new IllegalArgumentException(
            "line "
                + line.lineRef()
                + " is in "
                + line.unitPrice().currency()
                + ", not "
                + currency);
      }
    }
    promotionCodes = List.copyOf(Objects.requireNonNull(promotionCodes, "promotionCodes"));
    Objects.requireNonNull(buyerKey, "buyerKey");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(pricedAt, "pricedAt");
  }

  /** The sum of the line totals before adjustments. */
  public Money subtotal() {
    return lines.stream().map(CartLine::lineTotal).reduce(Money.of(0, currency), Money::plus);
  }

  /** The line with this reference, if any. */
  public Optional<CartLine> line(String lineRef) {
    return lines.stream().filter(l -> l.lineRef().equals(lineRef)).findFirst();
  }
}
