package org.kameng.plugin.api.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierValuesTest {

  @Test
  void aBuyersAddressIsCheckedAndNeverLogged() {
    Recipient.Buyer buyer = new Recipient.Buyer("me@example.cn");
    assertFalse(buyer.toString().contains("example"), buyer.toString());
    assertThrows(IllegalArgumentException.class, () -> new Recipient.Buyer("not an address"));
  }

  @Test
  void templateVariablesAreNamedAndMissingOnesFailClearly() {
    Message message =
        new Message(
            "m1",
            MessageKind.ORDER_DELIVERED,
            new Recipient.Buyer("me@example.cn"),
            Locale.CHINA,
            Map.of("orderNumber", "K1"),
            Instant.EPOCH);
    assertEquals("K1", message.variable("orderNumber"));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> message.variable("orderUrl"));
    assertEquals("ORDER_DELIVERED message has no variable 'orderUrl'", missing.getMessage());
  }

  @Test
  void retriesAndFailuresSayWhy() {
    assertThrows(IllegalArgumentException.class, () -> new DeliveryResult.RetryLater(" "));
    assertThrows(IllegalArgumentException.class, () -> new DeliveryResult.Failed(null));
  }
}
