package org.kameng.plugin.api.supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;

class SupplierValuesTest {

  private static final URI CALLBACK = URI.create("https://demo.shop.example/api/callback/a/b/c");

  @Test
  void deliveredKeysNeverAppearInLogs() {
    UpstreamResult.Delivered delivered =
        new UpstreamResult.Delivered("U-1", List.of("KEY-AAAA-1111", "KEY-BBBB-2222"));
    assertFalse(delivered.toString().contains("KEY-"), delivered.toString());
    assertEquals(2, delivered.cardKeys().size());
    assertThrows(
        IllegalArgumentException.class, () -> new UpstreamResult.Delivered("U-1", List.of(" ")));
  }

  @Test
  void failuresSayWhy() {
    assertThrows(IllegalArgumentException.class, () -> new UpstreamResult.RetryableFailure(""));
    assertThrows(IllegalArgumentException.class, () -> new UpstreamResult.FinalFailure(null));
  }

  @Test
  void anOrderIsKeyedByASafeOrderLineIdAndBuysAtLeastOne() {
    Money price = Money.of(950, "CNY");
    assertEquals(
        "line-1", new UpstreamOrder("line-1", "g42", 1, price, Map.of(), CALLBACK).orderLineId());
    assertThrows(
        IllegalArgumentException.class,
        () -> new UpstreamOrder("line 1", "g42", 1, price, Map.of(), CALLBACK));
    assertThrows(
        IllegalArgumentException.class,
        () -> new UpstreamOrder("line-1", "g42", 0, price, Map.of(), CALLBACK));
  }

  @Test
  void catalogueItemsHaveAPriceStockAndDistinctInputs() {
    BuyerInputField account = new BuyerInputField("account", "充值账号", true, Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> new UpstreamStock.Exact(-1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new UpstreamItem(
                "g42", "QQ币", Money.of(-1, "CNY"), new UpstreamStock.Exact(5), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new UpstreamItem(
                "g42",
                "QQ币",
                Money.of(95, "CNY"),
                new UpstreamStock.Banded(UpstreamStock.Band.PLENTY),
                List.of(account, account)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BuyerInputField("phone", "手机号", true, Optional.of("[0-9")));
  }
}
