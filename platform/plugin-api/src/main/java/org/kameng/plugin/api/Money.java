package org.kameng.plugin.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a whole number of minor units (fen, cents) and its ISO 4217 currency.
 *
 * <p>Money is never a floating-point number anywhere in Kameng; a payment provider's decimal string
 * is turned into minor units with {@link #parse(String, String)}, which refuses anything that is
 * not exact in the currency (for example {@code "1.005"} CNY), so a rounding error can never pass
 * an amount check. Instances are immutable and safe to share between threads.
 *
 * @param minorUnits the amount in the currency's smallest unit; may be negative for refunds
 * @param currency the ISO 4217 code, upper case, for example {@code CNY}
 */
public record Money(long minorUnits, String currency) {

  /** Validates the currency code against the JDK's ISO 4217 table. */
  public Money {
    Objects.requireNonNull(currency, "currency");
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown ISO 4217 currency: " + currency, e);
    }
  }

  /** Returns an amount of {@code minorUnits} in {@code currency}. */
  public static Money of(long minorUnits, String currency) {
    return new Money(minorUnits, currency);
  }

  /**
   * Parses a decimal string such as {@code "12.30"} into minor units of {@code currency}.
   *
   * @throws IllegalArgumentException if the text is not a number or has more fraction digits than
   *     the currency has minor units
   */
  public static Money parse(String decimal, String currency) {
    Objects.requireNonNull(decimal, "decimal");
    int digits = fractionDigits(currency);
    BigDecimal value;
    try {
      value = new BigDecimal(decimal.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal amount: " + decimal, e);
    }
    try {
      return new Money(value.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "amount " + decimal + " is not exact in " + currency + " (" + digits + " decimals)", e);
    }
  }

  /** Returns the sum; both amounts must be in the same currency. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /** Returns the difference; both amounts must be in the same currency. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  /** Returns this amount multiplied by a whole quantity, for example a line total. */
  public Money times(long quantity) {
    return new Money(Math.multiplyExact(minorUnits, quantity), currency);
  }

  /** Formats the amount with the currency's decimals and no grouping, for example {@code 12.30}. */
  public String toDecimalString() {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency)).toPlainString();
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + currency;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " amounts");
    }
  }

  private static int fractionDigits(String currency) {
    return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
  }
}
