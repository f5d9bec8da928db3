package org.kameng.kernel.upstream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.plugin.api.Money;

/**
 * How a reseller prices an item it buys upstream: a percentage on the upstream cost (in basis
 * points), a fixed amount on it (in minor units), or a fixed price (in minor units). Whatever the
 * rule, the price is never below the upstream cost: a sale below it would lose money on every unit.
 * A floor rule can raise that floor to the cost plus a margin kept after the platform's fee.
 */
public record Markup(Kind kind, long value) {

  /** How {@code value} is read. */
  public enum Kind {
    PERCENT,
    FIXED,
    FIXED_PRICE
  }

  /** Refuses a missing kind and negative values. */
  public Markup {
    if (kind == null || value < 0) {
      throw new IllegalArgumentException("not a markup: " + kind + " " + value);
    }
  }

  /**
   * Reads a markup as the API writes it: a percentage such as {@code "12.5"}, or an amount such as
   * {@code "1.50"} in {@code currency}.
   *
   * @throws InvalidSupplierException naming {@code markupKind} or {@code markupValue}
   */
  public static Markup parse(String kind, String value, String currency) {
    Kind k;
    try {
      k = Kind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidSupplierException("markupKind", "PERCENT, FIXED or FIXED_PRICE");
    }
    if (value == null || value.isBlank() || value.length() > 20) {
      throw new InvalidSupplierException("markupValue", "required with markupKind");
    }
    if (k != Kind.PERCENT) {
      try {
        return new Markup(k, Money.parse(value, currency).minorUnits());
      } catch (IllegalArgumentException e) {
        throw new InvalidSupplierException(
            "markupValue", "an amount in " + currency + " such as 1.50, not negative");
      }
    }
    try {
      BigDecimal percent = new BigDecimal(value);
      if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(1000)) > 0) {
        throw new NumberFormatException();
      }
      return new Markup(
          k, percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidSupplierException(
          "markupValue", "a percentage from 0 to 1000 with at most two decimals");
    }
  }

  /** The local retail price of an item that costs {@code cost} upstream; never below the cost. */
  public Money price(Money cost) {
    return price(cost, 0, 0);
  }

  /**
   * The local retail price of an item that costs {@code cost} upstream, never below {@link #floor}:
   * the rule's price (a percentage rounded half up to the minor unit), raised to the floor if it is
   * below it.
   */
  public Money price(Money cost, long floorMarginMinor, int feeBasisPoints) {
    return Money.of(
        Math.max(rulePrice(cost), floor(cost.minorUnits(), floorMarginMinor, feeBasisPoints)),
        cost.currency());
  }

  /**
   * The least price that leaves the shop the upstream cost plus {@code marginMinor} after the
   * platform's fee of {@code feeBasisPoints} on it (the fee rounded half up, as the ledger books
   * it): the smallest such price, so rounded up to the minor unit. A fee of 100 % leaves nothing
   * whatever the price; the floor is then the cost plus the margin.
   */
  public static long floor(long costMinor, long marginMinor, int feeBasisPoints) {
    long need = Math.addExact(costMinor, marginMinor);
    if (feeBasisPoints <= 0 || feeBasisPoints >= 10_000) {
      return need;
    }
    // An estimate from the exact share, then corrected for the fee's rounding either way.
    long p =
        BigDecimal.valueOf(need)
            .multiply(BigDecimal.valueOf(10_000))
            .divide(BigDecimal.valueOf(10_000 - feeBasisPoints), 0, RoundingMode.CEILING)
            .longValueExact();
    while (p - Ledger.platformFee(p, feeBasisPoints) < need) {
      p++;
    }
    while (p > need && (p - 1) - Ledger.platformFee(p - 1, feeBasisPoints) >= need) {
      p--;
    }
    return p;
  }

  /**
   * The rule's value as the API writes it: a percentage such as {@code "12.5"}, or an amount such
   * as {@code "1.50"} in {@code currency}.
   */
  public String valueText(String currency) {
    return kind == Kind.PERCENT
        ? BigDecimal.valueOf(value, 2).stripTrailingZeros().toPlainString()
        : Money.of(value, currency).toDecimalString();
  }

  private long rulePrice(Money cost) {
    long base = cost.minorUnits();
    long priced =
        switch (kind) {
          case PERCENT ->
              BigDecimal.valueOf(base)
                  .multiply(BigDecimal.valueOf(10_000 + value))
                  .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                  .longValueExact();
          case FIXED -> Math.addExact(base, value);
          case FIXED_PRICE -> value;
        };
    return priced;
  }
}
