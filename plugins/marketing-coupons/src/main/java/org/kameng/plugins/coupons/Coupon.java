package org.kameng.plugins.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.marketing.CartLine;

/**
 * One coupon of a shop, as written on one line of the {@code coupons} setting:
 *
 * <pre>
 * SPRING24 off=10% min=50.00 cap=20.00 uses=100 perBuyer=1 from=2026-03-01 until=2026-03-31
 * WELCOME5 off=5.00
 * CARDS off=3.00 categories=2b6f…,9c1d… products=7e3a…
 * </pre>
 *
 * <p>The code comes first (letters, digits, {@code -} and {@code _}, matched without regard to
 * case); then {@code off} (a percentage such as {@code 10%} or an amount in the shop's currency),
 * and optionally {@code min} (the least subtotal), {@code cap} (the most a percentage takes off),
 * {@code uses} (orders in all), {@code perBuyer} (orders per buyer), {@code from} and {@code until}
 * (dates, UTC, both days included). Amounts are decimals in the shop's currency.
 *
 * @param percent the percentage off, 1 to 100, or 0 for a fixed amount
 * @param fixed the amount off, as a decimal, when {@code percent} is 0
 */
record Coupon(
    String code,
    int percent,
    Optional<BigDecimal> fixed,
    Optional<BigDecimal> minimum,
    Optional<BigDecimal> cap,
    long uses,
    long perBuyer,
    Optional<Instant> from,
    Optional<Instant> until,
    Set<String> products,
    Set<String> categories) {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,40}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");

  /** A line the shop wrote that cannot be a coupon; the message never repeats the line. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  /** The code as the kernel counts it: upper case, so {@code spring24} is {@code SPRING24}. */
  static String normalise(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  /** Reads one line. */
  static Coupon parse(String line) throws Unreadable {
    String[] parts = line.strip().split("\\s+");
    if (!CODE.matcher(parts[0]).matches()) {
      throw new Unreadable("the code must be 3 to 40 letters, digits, - or _");
    }
    Integer percent = null;
    BigDecimal fixed = null;
    BigDecimal minimum = null;
    BigDecimal cap = null;
    long uses = 0;
    long perBuyer = 0;
    Instant from = null;
    Instant until = null;
    Set<String> products = Set.of();
    Set<String> categories = Set.of();
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq < 1) {
        throw new Unreadable("settings are name=value, e.g. off=10%");
      }
      String name = parts[i].substring(0, eq);
      String value = parts[i].substring(eq + 1);
      switch (name) {
        case "off" -> {
          if (value.endsWith("%")) {
            percent = whole(value.substring(0, value.length() - 1), "off", 1, 100);
          } else {
            fixed = amount(value, "off");
            if (fixed.signum() <= 0) {
              throw new Unreadable("off must be more than zero");
            }
          }
        }
        case "min" -> minimum = amount(value, "min");
        case "cap" -> cap = amount(value, "cap");
        case "uses" -> uses = whole(value, "uses", 1, 100_000_000);
        case "perBuyer" -> perBuyer = whole(value, "perBuyer", 1, 1000);
        case "from" -> from = day(value, "from");
        case "until" -> until = day(value, "until").plusSeconds(86_400);
        case "products" -> products = ids(value, "products");
        case "categories" -> categories = ids(value, "categories");
        default -> throw new Unreadable("unknown setting '" + name + "'");
      }
    }
    if (percent == null && fixed == null) {
      throw new Unreadable("off is required: a percentage (10%) or an amount (5.00)");
    }
    if (cap != null && percent == null) {
      throw new Unreadable("cap applies to a percentage only");
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw new Unreadable("from must not be after until");
    }
    return new Coupon(
        normalise(parts[0]),
        percent == null ? 0 : percent,
        Optional.ofNullable(fixed),
        Optional.ofNullable(minimum),
        Optional.ofNullable(cap),
        uses,
        perBuyer,
        Optional.ofNullable(from),
        Optional.ofNullable(until),
        products,
        categories);
  }

  /** Whether the coupon applies to a line: every line, or the listed products and categories. */
  boolean covers(CartLine line) {
    if (products.isEmpty() && categories.isEmpty()) {
      return true;
    }
    return products.contains(line.productId().toLowerCase(Locale.ROOT))
        || line.categoryId()
            .map(c -> categories.contains(c.toLowerCase(Locale.ROOT)))
            .orElse(false);
  }

  /** Whether the coupon may be used at this moment. */
  boolean validAt(Instant when) {
    return from.map(f -> !when.isBefore(f)).orElse(true)
        && until.map(u -> when.isBefore(u)).orElse(true);
  }

  /** Whether a cart with this subtotal reaches the minimum spend. */
  boolean reaches(Money subtotal) {
    return minimum
        .map(m -> subtotal.minorUnits() >= money(m, subtotal.currency()).minorUnits())
        .orElse(true);
  }

  /** The discount on a subtotal, never more than the subtotal, in minor units. */
  long discount(Money subtotal) {
    long off;
    if (percent > 0) {
      // Rounded down: a coupon never takes off more than it says.
      off = Math.multiplyExact(subtotal.minorUnits(), (long) percent) / 100;
      if (cap.isPresent()) {
        off = Math.min(off, money(cap.get(), subtotal.currency()).minorUnits());
      }
    } else {
      off = money(fixed.orElseThrow(), subtotal.currency()).minorUnits();
    }
    return Math.min(off, subtotal.minorUnits());
  }

  private static Money money(BigDecimal amount, String currency) {
    return Money.parse(amount.toPlainString(), currency);
  }

  private static BigDecimal amount(String value, String name) throws Unreadable {
    if (!AMOUNT.matcher(value).matches()) {
      throw new Unreadable(name + " must be an amount such as 5 or 5.00");
    }
    return new BigDecimal(value);
  }

  private static int whole(String value, String name, int least, int most) throws Unreadable {
    try {
      int n = Integer.parseInt(value);
      if (n < least || n > most) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Unreadable(name + " must be a whole number from " + least + " to " + most);
    }
  }

  private static Set<String> ids(String value, String name) throws Unreadable {
    Set<String> ids = new java.util.TreeSet<>();
    for (String id : value.split(",")) {
      if (!ID.matcher(id).matches()) {
        throw new Unreadable(name + " must be ids separated by commas");
      }
      ids.add(id.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(ids);
  }

  private static Instant day(String value, String name) throws Unreadable {
    try {
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new Unreadable(name + " must be a date such as 2026-03-31");
    }
  }
}
