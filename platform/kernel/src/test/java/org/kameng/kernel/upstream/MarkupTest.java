package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.plugin.api.Money;

class MarkupTest {

  private static final Money COST = Money.of(900, "CNY");

  @Test
  void aPercentMarkupAddsItsShareOfTheCostRoundedHalfUp() {
    assertEquals(Money.of(1125, "CNY"), Markup.parse("PERCENT", "25", "CNY").price(COST));
    assertEquals(
        Money.of(2, "CNY"), Markup.parse("PERCENT", "50", "CNY").price(Money.of(1, "CNY")));
  }

  @Test
  void aFixedMarkupAddsAnAmountAndAFixedPriceIsThePrice() {
    assertEquals(Money.of(1050, "CNY"), Markup.parse("FIXED", "1.50", "CNY").price(COST));
    assertEquals(Money.of(1288, "CNY"), Markup.parse("FIXED_PRICE", "12.88", "CNY").price(COST));
  }

  @Test
  void aFixedPriceBelowTheUpstreamCostIsRaisedToTheCost() {
    assertEquals(COST, Markup.parse("FIXED_PRICE", "5.00", "CNY").price(COST));
    assertEquals(COST, Markup.parse("PERCENT", "0", "CNY").price(COST));
  }

  @Test
  void theFloorIsTheLeastPriceThatLeavesCostPlusMarginAfterTheFee() {
    for (int fee : new int[] {0, 1, 250, 333, 500, 999, 5000, 9999}) {
      for (long cost = 0; cost < 3000; cost += 7) {
        long floor = Markup.floor(cost, 13, fee);
        assertTrue(floor - Ledger.platformFee(floor, fee) >= cost + 13, fee + " " + cost);
        assertTrue(
            floor == cost + 13 || (floor - 1) - Ledger.platformFee(floor - 1, fee) < cost + 13,
            "the least such price at " + fee + " " + cost);
      }
    }
    assertEquals(Money.of(1000, "CNY"), Markup.parse("PERCENT", "0", "CNY").price(COST, 50, 500));
    assertEquals(Money.of(1125, "CNY"), Markup.parse("PERCENT", "25", "CNY").price(COST, 50, 500));
  }

  @Test
  void aRuleIsWrittenBackAsTheApiReadsIt() {
    assertEquals("12.5", Markup.parse("PERCENT", "12.50", "CNY").valueText("CNY"));
    assertEquals("20", Markup.parse("PERCENT", "20", "CNY").valueText("CNY"));
    assertEquals("1.50", Markup.parse("FIXED", "1.5", "CNY").valueText("CNY"));
  }

  @Test
  void badRulesNameTheField() {
    assertEquals(
        "markupKind",
        assertThrows(InvalidSupplierException.class, () -> Markup.parse("HALF", "1", "CNY"))
            .faults()
            .get(0)
            .field());
    assertEquals(
        "markupValue",
        assertThrows(InvalidSupplierException.class, () -> Markup.parse("PERCENT", "-1", "CNY"))
            .faults()
            .get(0)
            .field());
    assertEquals(
        "markupValue",
        assertThrows(InvalidSupplierException.class, () -> Markup.parse("FIXED", "x", "CNY"))
            .faults()
            .get(0)
            .field());
  }
}
