package org.kameng.kernel.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.OrderState;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * S3: every forged or mis-bound notify is rejected and changes nothing — not the order, not the
 * payment, no event, no job, no ledger entry, no key.
 */
class ForgedNotifyTest {

  private final SigningTestChannel channel = new SigningTestChannel("merchant-secret");
  private ShopFixture shop;
  private Transactions tx;
  private Checkout checkout;
  private RecordPaymentNotice notices;

  @BeforeEach
  void orderAwaitingPayment() {
    shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("forged", 3);
    tx = shop.db.transactions();
    checkout = Checkout.of(shop, tx, 1);
    notices = new RecordPaymentNotice(tx);
  }

  @Test
  void notifyWithABadSignatureOrADefaultKeyNeverReachesTheKernel() {
    Map<String, String> forged = channel.notify(pay(), "T1", "TRADE_SUCCESS", cny(1000));
    forged.put(
        "sign",
        new SigningTestChannel("guessed-key")
            .notify(pay(), "T1", "TRADE_SUCCESS", cny(1000))
            .get("sign"));
    assertThrows(SecurityException.class, () -> channel.verify(forged));
    Map<String, String> defaultKey =
        new SigningTestChannel("123456").notify(pay(), "T1", "TRADE_SUCCESS", cny(1000));
    assertThrows(SecurityException.class, () -> channel.verify(defaultKey));
  }

  @Test
  void amountOneFenShortIsRejected() {
    assertRejectedWithoutChange(() -> record(notice(pay(), "T2", cny(999))));
  }

  @Test
  void amountOneFenOverIsRejected() {
    assertRejectedWithoutChange(() -> record(notice(pay(), "T3", cny(1001))));
  }

  @Test
  void wrongCurrencyIsRejected() {
    assertRejectedWithoutChange(() -> record(notice(pay(), "T4", Money.of(1000, "USD"))));
  }

  @Test
  void notifyForAnUnknownPaymentIsRejected() {
    UUID unknown = UUID.randomUUID();
    assertRejectedWithoutChange(
        () ->
            notices.record(
                shop.tenant,
                shop.manualChannelId,
                unknown,
                notice(unknown.toString(), "T5", cny(1000))));
  }

  @Test
  void notifyThroughAnotherChannelConfigurationIsRejected() {
    UUID otherChannel = UUID.randomUUID();
    assertRejectedWithoutChange(
        () ->
            notices.record(
                shop.tenant, otherChannel, checkout.paymentId(), notice(pay(), "T6", cny(1000))));
  }

  @Test
  void notifyAddressedToAnotherTenantIsRejected() {
    ShopFixture otherShop = ShopFixture.withCardKeyProduct(1000);
    assertRejectedWithoutChange(
        () ->
            notices.record(
                otherShop.tenant,
                otherShop.manualChannelId,
                checkout.paymentId(),
                notice(pay(), "T7", cny(1000))));
  }

  @Test
  void replayOfAnotherOrdersNotifyIsRejected() {
    Checkout other = Checkout.of(shop, tx, 1);
    PaymentNotice othersPaid = notice(other.paymentId().toString(), "T8", cny(1000));
    assertEquals(
        NoticeResult.Kind.ACCEPTED,
        notices.record(shop.tenant, shop.manualChannelId, other.paymentId(), othersPaid).kind());
    assertRejectedWithoutChange(
        () -> notices.record(shop.tenant, shop.manualChannelId, checkout.paymentId(), othersPaid));
  }

  @Test
  void failedOutcomeDoesNotPay() {
    PaymentNotice failed = new PaymentNotice(pay(), "T9", PaymentNotice.Outcome.FAILED, cny(1000));
    assertEquals(NoticeResult.Kind.NOT_PAID, record(failed).kind());
    OrderState after = state();
    assertEquals("PENDING_PAYMENT", after.orderStatus());
    assertEquals(0, after.ledgerEntries());
    assertEquals(1, after.reservedKeys());
  }

  @Test
  void theGenuineNotifyPaysAfterAllTheForgeries() {
    record(notice(pay(), "X1", cny(999)));
    record(notice(pay(), "X2", Money.of(1000, "USD")));
    NoticeResult genuine =
        record(channel.verify(channel.notify(pay(), "X3", "TRADE_SUCCESS", cny(1000))));
    assertEquals(NoticeResult.Kind.ACCEPTED, genuine.kind());
    assertEquals("DELIVERED", state().orderStatus());
  }

  private void assertRejectedWithoutChange(Supplier<NoticeResult> forged) {
    OrderState before = state();
    NoticeResult result = forged.get();
    assertEquals(NoticeResult.Kind.REJECTED, result.kind(), result.reason());
    assertEquals(before, state(), "a rejected notify changed the order");
    assertEquals("PENDING_PAYMENT", before.orderStatus());
  }

  private NoticeResult record(PaymentNotice notice) {
    return notices.record(shop.tenant, shop.manualChannelId, checkout.paymentId(), notice);
  }

  private OrderState state() {
    return tx.inTenant(shop.tenant, c -> OrderState.read(c, checkout.order().id()));
  }

  private String pay() {
    return checkout.paymentId().toString();
  }

  private static PaymentNotice notice(String paymentRef, String eventId, Money amount) {
    return new PaymentNotice(paymentRef, eventId, PaymentNotice.Outcome.SUCCEEDED, amount);
  }

  private static Money cny(long minor) {
    return Money.of(minor, "CNY");
  }
}
