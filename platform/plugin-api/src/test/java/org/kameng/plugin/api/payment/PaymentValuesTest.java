package org.kameng.plugin.api.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.InboundRequest;

class PaymentValuesTest {

  private static final URI RETURN = URI.create("https://demo.shop.example/orders/return");
  private static final URI NOTIFY = URI.create("https://demo.shop.example/api/notify/x/y/z");

  private static PaymentRequest request(String reference, Money amount) {
    return new PaymentRequest(
        reference,
        "K20261122-0001",
        amount,
        "Steam 100",
        RETURN,
        NOTIFY,
        Optional.empty(),
        Device.DESKTOP,
        Instant.parse("2026-11-22T10:15:00Z"));
  }

  @Test
  void aPaymentChargesMoreThanZeroUnderASafeReference() {
    assertEquals("0f3a9c", request("0f3a9c", Money.of(1, "CNY")).paymentReference());
    assertThrows(IllegalArgumentException.class, () -> request("0f3a9c", Money.of(0, "CNY")));
    assertThrows(IllegalArgumentException.class, () -> request("a&money=1", Money.of(1, "CNY")));
    assertThrows(IllegalArgumentException.class, () -> request("x".repeat(65), Money.of(1, "CNY")));
  }

  @Test
  void aBuyerIsOnlySentToWebUrls() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PaymentStart.Redirect(URI.create("javascript:alert(1)")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PaymentStart.AutoSubmitForm(URI.create("/submit.php"), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new PaymentStart.QrCode(" "));
  }

  @Test
  void anOutcomeHasItsProviderIdsAndNoNegativeAmount() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PaymentOutcome("p1", "", PaymentStatus.SUCCEEDED, Money.of(1, "CNY"), "t1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PaymentOutcome("p1", "e1", PaymentStatus.SUCCEEDED, Money.of(-1, "CNY"), "t1"));
  }

  @Test
  void refundsArePositiveAndKeyed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RefundRequest("", "p1", "t1", Money.of(100, "CNY"), "buyer asked"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RefundRequest("r1", "p1", "t1", Money.of(0, "CNY"), "buyer asked"));
  }

  @Test
  void queryAndRefundAreOptionalCapabilities() throws IOException {
    PaymentChannel minimal =
        new PaymentChannel() {
          @Override
          public PaymentStart start(PaymentRequest request) {
            return new PaymentStart.QrCode("weixin://wxpay/x");
          }

          @Override
          public NotifyVerification verifyNotify(InboundRequest request) {
            throw new UnsupportedOperationException();
          }
        };
    assertInstanceOf(PaymentLookup.Unsupported.class, minimal.query("p1"));
    assertInstanceOf(
        RefundResult.Unsupported.class,
        minimal.refund(new RefundRequest("r1", "p1", "t1", Money.of(1, "CNY"), "test")));
  }
}
