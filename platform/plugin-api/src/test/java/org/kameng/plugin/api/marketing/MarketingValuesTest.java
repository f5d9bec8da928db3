package org.kameng.plugin.api.marketing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

class MarketingValuesTest {

  private static CartLine line(String ref, long quantity, Money unit) {
    return new CartLine(ref, "p1", "s1", Optional.empty(), quantity, unit, unit.times(quantity));
  }

  private static CartSnapshot cart(CartLine... lines) {
    return new CartSnapshot(
        "CNY",
        List.of(lines),
        List.of("SPRING24"),
        Optional.empty(),
        Locale.CHINA,
        Instant.parse("2026-11-22T10:00:00Z"));
  }

  @Test
  void aCartIsOneCurrencyWithDistinctLines() {
    assertEquals(
        Money.of(2500, "CNY"),
        cart(line("a", 2, Money.of(1000, "CNY")), line("b", 1, Money.of(500, "CNY"))).subtotal());
    assertThrows(IllegalArgumentException.class, () -> cart());
    assertThrows(
        IllegalArgumentException.class,
        () -> cart(line("a", 1, Money.of(1, "CNY")), line("a", 1, Money.of(1, "CNY"))));
    assertThrows(IllegalArgumentException.class, () -> cart(line("a", 1, Money.of(1, "USD"))));
  }

  @Test
  void aLineTotalIsUnitPriceTimesQuantity() {
    Money unit = Money.of(1000, "CNY");
    assertThrows(
        IllegalArgumentException.class,
        () -> new CartLine("a", "p1", "s1", Optional.empty(), 2, unit, unit));
  }

  @Test
  void anAdjustmentIsADiscount() {
    assertEquals(
        Money.of(-100, "CNY"),
        new PriceAdjustment("a", Money.of(-100, "CNY"), "marketing-coupons:SPRING24", "满减")
            .delta());
    assertThrows(
        IllegalArgumentException.class,
        () -> new PriceAdjustment("a", Money.of(0, "CNY"), "marketing-coupons", "nothing"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PriceAdjustment("a", Money.of(100, "CNY"), "marketing-coupons", "surcharge"));
  }

  @Test
  void anEventsAmountsShareACurrency() {
    TenantId tenant = TenantId.parse("00000000-0000-4000-8000-000000000001");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new OrderEvent(
                "e1",
                OrderEventType.PAID,
                tenant,
                "o1",
                "K1",
                Money.of(100, "CNY"),
                Money.of(100, "USD"),
                List.of(),
                Instant.EPOCH));
  }
}
