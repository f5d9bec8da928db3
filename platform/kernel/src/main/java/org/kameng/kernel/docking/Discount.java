package org.kameng.kernel.docking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.kameng.kernel.order.UnitPriceRule;
import org.kameng.plugin.api.Money;

/**
 * A wholesale discount off the retail price: a percentage (in basis points) or a fixed amount off
 * each unit (in minor units of the SKU's currency). The price it gives is never above retail and
 * never below the unit's cost when the shop recorded one.
 */
public record Discount(Kind kind, long value) {

  /** How {@code value} is read. */
  public enum Kind {
    PERCENT_OFF,
    FIXED_OFF
  }

  public Discount {
    if (kind == null || value < 0 || (kind == Kind.PERCENT_OFF && value > 10_000)) {
      throw new IllegalArgumentException("not a discount: " + kind + " " + value);
    }
  }

  /**
   * Reads a discount as the API writes it: a percentage such as {@code "12.5"} or an amount such as
   * {@code "1.50"} in {@code currency}.
   */
  static Discount parse(String kind, String value, String currency) {
    if (kind == null && value == null) {
      return null;
    }
    Kind k;
    try {
      k = Kind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidDockingException("discountKind", "PERCENT_OFF or FIXED_OFF");
    }
    if (value == null || value.length() > 20) {
      throw new InvalidDockingException("discountValue", "required with discountKind");
    }
    if (k == Kind.FIXED_OFF) {
      try {
        return new Discount(k, Money.parse(value, currency).minorUnits());
      } catch (IllegalArgumentException e) {
        throw new InvalidDockingException(
            "discountValue", "an amount in " + currency + " such as 1.50, not negative");
      }
    }
    try {
      BigDecimal percent = new BigDecimal(value);
      if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new NumberFormatException();
      }
      return new Discount(
          k, percent.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidDockingException(
          "discountValue", "a percentage from 0 to 100 with at most two decimals");
    }
  }

  /** The discount as the API writes it: a percentage or a decimal amount. */
  String valueText(String currency) {
    return kind == Kind.PERCENT_OFF
        ? BigDecimal.valueOf(value, 2).stripTrailingZeros().toPlainString()
        : Money.of(value, currency).toDecimalString();
  }

  /**
   * The wholesale unit price, named for the line's snapshot by {@code source} (which rule chose
   * this discount).
   */
  UnitPriceRule.RuledPrice apply(Money listPrice, Long costMinor, String source) {
    long list = listPrice.minorUnits();
    long off =
        kind == Kind.PERCENT_OFF
            ? BigDecimal.valueOf(list)
                .multiply(BigDecimal.valueOf(value))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                .longValueExact()
            : value;
    long discounted = Math.max(list - off, 0);
    long floor = costMinor == null ? 0 : Math.min(costMinor, list);
    long price = Math.max(discounted, floor);
    String rule =
        "wholesale:" + source + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    return new UnitPriceRule.RuledPrice(
        Money.of(price, listPrice.currency()), price > discounted ? rule + ":floor-cost" : rule);
  }
}
