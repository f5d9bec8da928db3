package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.PaymentStart.Redirect;

/** What {@code start} records and where it sends the buyer. */
class SandboxStartTest {

  private final TestHost host = new TestHost();
  private final SandboxChannel channel = host.channel();

  @Test
  void startRedirectsToTheCheckoutPageUnderThePagesUrl() {
    Redirect redirect = assertInstanceOf(Redirect.class, channel.start(Requests.payment()));
    assertEquals(
        URI.create("https://shop.example/api/public/pages/t1/c1/pay/" + Requests.REFERENCE),
        redirect.url());
    assertTrue(host.sent.isEmpty(), "start must not call the network");
  }

  @Test
  void startRecordsWhatThePageAndTheNotifyNeed() {
    channel.start(Requests.payment());
    StartedPayment stored =
        StartedPayment.decode(
            Requests.REFERENCE, host.store.values.get("payment:" + Requests.REFERENCE));
    assertEquals(StartedPayment.of(Requests.payment()), stored);
    assertEquals("Steam 充值卡 100元", stored.subject());
    assertEquals(Money.of(1230, "CNY"), stored.amount());
    assertEquals(Requests.NOTIFY_URL, stored.notifyUrl());
    assertEquals(TestHost.START.plusSeconds(900), stored.expiresAt());
  }

  @Test
  void startingTheSamePaymentAgainChangesNothingButOtherDetailsAreRefused() {
    channel.start(Requests.payment());
    String stored = host.store.values.get("payment:" + Requests.REFERENCE);
    assertInstanceOf(Redirect.class, channel.start(Requests.payment()));
    assertEquals(stored, host.store.values.get("payment:" + Requests.REFERENCE));
    assertThrows(
        IllegalStateException.class,
        () ->
            channel.start(
                Requests.payment(Requests.REFERENCE, "Steam 充值卡 100元", Money.of(1, "CNY"))));
    assertEquals(stored, host.store.values.get("payment:" + Requests.REFERENCE));
  }
}
