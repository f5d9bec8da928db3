package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentLookup;
import org.kameng.plugin.api.payment.PaymentOutcome;
import org.kameng.plugin.api.payment.PaymentStatus;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;
import org.kameng.plugin.api.payment.RefundResult.Failed;
import org.kameng.plugin.api.payment.RefundResult.Refunded;
import org.kameng.plugin.testkit.ContractHost;

/** Query and refund answer from what the page recorded; concurrent clicks agree on one decision. */
class SandboxQueryRefundTest {

  private static final String PAGE = "pay/" + Requests.REFERENCE;

  private final ContractHost host = TestShop.host();
  private final SandboxChannel channel = TestShop.channel(host);

  private PaymentOutcome found(String reference) {
    return assertInstanceOf(PaymentLookup.Found.class, channel.query(reference)).outcome();
  }

  /** Starts the payment, clicks, and returns the event id of the notify that was sent. */
  private String decided(String decision) {
    channel.start(Requests.payment());
    channel.page(PAGE, Requests.click(Requests.REFERENCE, decision));
    return Requests.decode(host.requests().get(0).body().text()).single("event").orElseThrow();
  }

  private RefundResult refund(String refundReference, String providerReference, long amount) {
    return channel.refund(
        new RefundRequest(
            refundReference,
            Requests.REFERENCE,
            providerReference,
            Money.of(amount, "CNY"),
            "buyer asked"));
  }

  @Test
  void anUnknownOrMalformedReferenceIsNotFound() {
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query("never-started"));
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query("bad reference\n"));
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query(""));
    assertInstanceOf(PaymentLookup.NotFound.class, channel.query(null));
  }

  @Test
  void anUndecidedPaymentIsPendingWithTheReferenceAsEventId() {
    channel.start(Requests.payment());
    PaymentOutcome pending = found(Requests.REFERENCE);
    assertEquals(PaymentStatus.PENDING, pending.status());
    assertEquals(Requests.REFERENCE, pending.providerEventId());
    assertEquals(Money.of(1230, "CNY"), pending.amount());
    host.advance(Duration.ofHours(2));
    assertEquals(PaymentStatus.PENDING, found(Requests.REFERENCE).status());
  }

  @Test
  void aDecidedPaymentIsFoundExactlyAsItsNotifySaidIt() {
    String event = decided("pay");
    Verified notify =
        assertInstanceOf(
            Verified.class, channel.verifyNotify(Requests.received(host.requests().get(0))));
    PaymentOutcome queried = found(Requests.REFERENCE);
    assertEquals(notify.outcome(), queried);
    assertEquals(event, queried.providerEventId());
    assertEquals(PaymentStatus.SUCCEEDED, queried.status());
    host.advance(Duration.ofDays(3));
    assertEquals(queried, found(Requests.REFERENCE), "a query repeats the same event for ever");
  }

  @Test
  void aFailedPaymentIsFoundFailed() {
    decided("fail");
    assertEquals(PaymentStatus.FAILED, found(Requests.REFERENCE).status());
  }

  @Test
  void aRefundRetriedWithTheSameReferenceRefundsOnce() {
    String event = decided("pay");
    Refunded first = assertInstanceOf(Refunded.class, refund("rf-1", event, 1000));
    Refunded retry = assertInstanceOf(Refunded.class, refund("rf-1", event, 1000));
    assertEquals(first, retry);
    // 230 are left of 1230: a new refund of 231 is too much, which proves the retry counted once
    assertInstanceOf(Failed.class, refund("rf-2", event, 231));
    Refunded rest = assertInstanceOf(Refunded.class, refund("rf-2", event, 230));
    assertNotEquals(first.providerRefundId(), rest.providerRefundId());
    assertInstanceOf(Failed.class, refund("rf-3", event, 1));
    assertEquals(first, refund("rf-1", event, 1000), "still the same answer after others");
  }

  @Test
  void aPaymentTakesAtMostTwentyRefundsEvenWithLongReferences() {
    String event = decided("pay");
    // the ContractHost's store enforces the API's value limit: twenty of the longest references
    // (each Chinese character percent-encoded) must still fit into one payment's value
    for (int i = 0; i < 20; i++) {
      String reference = String.format("%02d", i) + "退".repeat(62);
      assertInstanceOf(Refunded.class, refund(reference, event, 1), reference);
    }
    Failed failed = assertInstanceOf(Failed.class, refund("rf-21", event, 1));
    assertTrue(failed.reason().contains("at most 20"), failed.reason());
  }

  @Test
  void aRefundReferenceReusedForAnotherAmountFails() {
    String event = decided("pay");
    assertInstanceOf(Refunded.class, refund("rf-1", event, 100));
    Failed failed = assertInstanceOf(Failed.class, refund("rf-1", event, 200));
    assertTrue(failed.reason().contains("another amount"), failed.reason());
  }

  @Test
  void onlyAPaidPaymentCanBeRefundedAndOnlyWithItsOwnProviderReference() {
    assertInstanceOf(Failed.class, refund("rf-1", "anything", 100));
    channel.start(Requests.payment());
    assertInstanceOf(Failed.class, refund("rf-1", Requests.REFERENCE, 100));
    channel.page(PAGE, Requests.click(Requests.REFERENCE, "fail"));
    String event =
        Requests.decode(host.requests().get(0).body().text()).single("event").orElseThrow();
    Failed failed = assertInstanceOf(Failed.class, refund("rf-1", event, 100));
    assertTrue(failed.reason().contains("not paid"), failed.reason());
  }

  @Test
  void aRefundWithAnotherProviderReferenceOrCurrencyFails() {
    String event = decided("pay");
    assertInstanceOf(Failed.class, refund("rf-1", "6b1d2f3e-0000-4c6d-8e9f-0a1b2c3d4e5f", 100));
    RefundResult usd =
        channel.refund(
            new RefundRequest("rf-2", Requests.REFERENCE, event, Money.of(100, "USD"), "r"));
    assertInstanceOf(Failed.class, usd);
    assertInstanceOf(Refunded.class, refund("rf-3", event, 1230), "nothing was used up");
  }

  @Test
  void aRefundThatLosesTheRaceToAnotherServerIsCheckedAgainstTheWinner() {
    String event = decided("pay");
    assertInstanceOf(Refunded.class, refund("rf-1", event, 30));
    AtomicBoolean raced = new AtomicBoolean();
    // another instance refunds the remaining 12.00 after this call read the refunds so far
    RacingHost racing = new RacingHost(host);
    racing.afterGet =
        key -> {
          if (key.equals("refunds:" + Requests.REFERENCE) && raced.compareAndSet(false, true)) {
            String before = host.stored().get(key);
            host.store().put(key, before + "&rf-other=1200+sandbox-refund-other");
          }
        };
    RefundResult lost =
        TestShop.channel(racing)
            .refund(
                new RefundRequest(
                    "rf-2", Requests.REFERENCE, event, Money.of(100, "CNY"), "buyer asked"));
    Failed failed = assertInstanceOf(Failed.class, lost);
    assertTrue(failed.reason().contains("exceeds"), failed.reason());
    assertTrue(raced.get());
  }

  @Test
  void concurrentRefundsNeverExceedThePayment() throws Exception {
    String event = decided("pay");
    List<Callable<RefundResult>> refunds = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String reference = "rf-" + i;
      refunds.add(() -> refund(reference, event, 100));
    }
    long refunded = 0;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<RefundResult> result : pool.invokeAll(refunds)) {
        if (result.get() instanceof Refunded) {
          refunded += 100;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1200, refunded, "12 refunds of 1.00 fit into 12.30, the 13th does not");
  }

  @Test
  void concurrentClicksAgreeOnOneDecisionAndOneEvent() throws Exception {
    channel.start(Requests.payment());
    List<Callable<InboundReply>> clicks = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String decision = i % 2 == 0 ? "pay" : "fail";
      clicks.add(() -> channel.page(PAGE, Requests.click(Requests.REFERENCE, decision)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<InboundReply> reply : pool.invokeAll(clicks)) {
        assertEquals(200, reply.get().status());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(16, host.requests().size());
    PaymentOutcome first =
        assertInstanceOf(
                Verified.class, channel.verifyNotify(Requests.received(host.requests().get(0))))
            .outcome();
    for (var sent : host.requests()) {
      Verified verified =
          assertInstanceOf(Verified.class, channel.verifyNotify(Requests.received(sent)));
      assertEquals(first, verified.outcome());
    }
    assertEquals(first, found(Requests.REFERENCE));
  }
}
