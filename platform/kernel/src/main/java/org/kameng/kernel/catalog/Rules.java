package org.kameng.kernel.catalog;

import org.kameng.plugin.api.Money;

/** The checks every catalog input shares; each failure names the field at fault. */
final class Rules {

  /**
   * The largest price or cost, in minor units. Far above any card's price, and small enough that
   * price × the largest quantity (10,000) never overflows a line total.
   */
  static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

  private static final int MAX_AMOUNT_TEXT = 32;

  private Rules() {}

  /** Required text, stripped, of {@code min} to {@code max} characters. */
  static String text(String field, String value, int min, int max) {
    if (value == null) {
      throw new InvalidCatalogException(field, "required");
    }
    String stripped = value.strip();
    return checkedLength(field, stripped, min, max);
  }

  /** Optional text: null stays null, otherwise at most {@code max} characters. */
  static String optionalText(String field, String value, int max) {
    return value == null ? null : checkedLength(field, value, 0, max);
  }

  private static String checkedLength(String field, String value, int min, int max) {
    // PostgreSQL text cannot hold NUL: refuse it here rather than fail in the database.
    if (value.indexOf('\u0000') >= 0) {
      throw new InvalidCatalogException(field, "must not contain NUL characters");
    }
    // The database counts characters, not UTF-16 units.
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      throw new InvalidCatalogException(
          field,
          min == 0
              ? "at most " + max + " characters"
              : "between " + min + " and " + max + " characters");
    }
    return value;
  }

  /** A whole number in {@code [min, max]}; {@code fallback} when absent. */
  static int number(String field, Integer value, int fallback, int min, int max) {
    int n = value == null ? fallback : value;
    if (n < min || n > max) {
      throw new InvalidCatalogException(field, "must be between " + min + " and " + max);
    }
    return n;
  }

  /** A required amount, a decimal string exact in {@code currency}, from 0 to the maximum. */
  static Money amount(String field, String decimal, String currency) {
    if (decimal == null || decimal.isBlank()) {
      throw new InvalidCatalogException(field, "required, as a decimal string such as \"48.50\"");
    }
    Money money;
    try {
      if (decimal.length() > MAX_AMOUNT_TEXT) {
        throw new IllegalArgumentException("too long");
      }
      money = Money.parse(decimal, currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidCatalogException(
          field, "not an exact amount in " + currency + ", e.g. \"48.50\"");
    }
    if (money.minorUnits() < 0) {
      throw new InvalidCatalogException(field, "must not be negative");
    }
    if (money.minorUnits() > MAX_AMOUNT_MINOR) {
      throw new InvalidCatalogException(
          field, "at most " + Money.of(MAX_AMOUNT_MINOR, currency).toDecimalString());
    }
    return money;
  }
}
