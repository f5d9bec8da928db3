package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
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
