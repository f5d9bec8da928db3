package org.kameng.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesProviderDecimalsIntoMinorUnits() {
    assertEquals(Money.of(1230, "CNY"), Money.parse("12.30", "CNY"));
    assertEquals(Money.of(1, "CNY"), Money.parse("0.01", "CNY"));
    assertEquals(Money.of(500, "JPY"), Money.parse("500", "JPY"));
  }

  @Test
  void refusesAmountsThatAreNotExactInTheCurrency() {
    assertThrows(IllegalArgumentException.class, () -> Money.parse("1.005", "CNY"));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("1.5", "JPY"));
    assertThrows(IllegalArgumentException.class, () -> Money.parse("12,30", "CNY"));
  }

  @Test
  void refusesUnknownCurrencies() {
    assertThrows(IllegalArgumentException.class, () -> Money.of(1, "XXY"));
  }

  @Test
  void neverCombinesTwoCurrencies() {
    assertThrows(IllegalArgumentException.class, () -> Money.of(1, "CNY").plus(Money.of(1, "USD")));
  }

  @Test
  void formatsWithTheCurrencyDecimals() {
    assertEquals("12.30", Money.of(1230, "CNY").toDecimalString());
    assertEquals("-0.05", Money.of(-5, "USD").toDecimalString());
    assertEquals("7", Money.of(7, "JPY").toDecimalString());
    assertEquals(Money.of(3690, "CNY"), Money.of(1230, "CNY").times(3));
  }

  @Test
  void overflowIsAnErrorNotAWrapAround() {
    assertThrows(ArithmeticException.class, () -> Money.of(Long.MAX_VALUE, "CNY").times(2));
  }
}
