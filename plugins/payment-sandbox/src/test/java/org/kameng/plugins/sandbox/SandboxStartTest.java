package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.PaymentStart.Redirect;
import org.kameng.plugin.testkit.ContractHost;

/** What {@code start} records and where it sends the buyer. */
class SandboxStartTest {

  private final ContractHost host = TestShop.host();
  private final SandboxChannel channel = TestShop.channel(host);

  @Test
  void startRedirectsToTheCheckoutPageUnderThePagesUrl() {
    Redirect redirect = assertInstanceOf(Redirect.class, channel.start(Requests.payment()));
    assertEquals(URI.create(host.pagesUrl() + "pay/" + Requests.REFERENCE), redirect.url());
    assertTrue(host.requests().isEmpty(), "start must not call the network");
  }

  @Test
  void startRecordsWhatThePageAndTheNotifyNeed() {
    channel.start(Requests.payment());
    StartedPayment stored =
        StartedPayment.decode(
            Requests.REFERENCE, host.stored().get("payment:" + Requests.REFERENCE));
    assertEquals(StartedPayment.of(Requests.payment()), stored);
    assertEquals("Steam 充值卡 100元", stored.subject());
    assertEquals(Money.of(1230, "CNY"), stored.amount());
    assertEquals(Requests.NOTIFY_URL, stored.notifyUrl());
    assertEquals(ContractHost.START.plusSeconds(900), stored.expiresAt());
  }

  @Test
  void startingTheSamePaymentAgainChangesNothingButOtherDetailsAreRefused() {
    channel.start(Requests.payment());
    String stored = host.stored().get("payment:" + Requests.REFERENCE);
    assertInstanceOf(Redirect.class, channel.start(Requests.payment()));
    assertEquals(stored, host.stored().get("payment:" + Requests.REFERENCE));
    assertThrows(
        IllegalStateException.class,
        () ->
            channel.start(
                Requests.payment(Requests.REFERENCE, "Steam 充值卡 100元", Money.of(1, "CNY"))));
    assertEquals(stored, host.stored().get("payment:" + Requests.REFERENCE));
  }
}
