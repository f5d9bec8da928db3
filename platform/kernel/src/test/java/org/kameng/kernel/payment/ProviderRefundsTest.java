package org.kameng.kernel.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;

/**
 * The kernel's half of a refund through the provider: only a flagged order with a succeeded payment
 * has a target, which names the provider's transaction id kept from the paying notify; the
 * provider's "paid back" refunds the order.
 */
class ProviderRefundsTest {

  private final ShopFixture shop = ShopFixture.withCardKeyProduct(990);
  private final Transactions tx = shop.db.transactions();

  private Checkout paid(String providerReference) {
    shop.addKeys("r" + UUID.randomUUID().toString().substring(0, 8), 1);
    Checkout checkout = Checkout.of(shop, tx, 1);
    NoticeResult result =
        new RecordPaymentNotice(tx)
            .record(
                shop.tenant,
                shop.manualChannelId,
                checkout.paymentId(),
                new PaymentNotice(
                    checkout.paymentId().toString(),
                    "event-" + checkout.paymentId(),
                    PaymentNotice.Outcome.SUCCEEDED,
                    checkout.order().total(),
                    providerReference));
    assertEquals(NoticeResult.Kind.ACCEPTED, result.kind());
    return checkout;
  }

  private void flag(Checkout checkout) {
    boolean flagged =
        tx.inTenant(
            shop.tenant,
            c -> Refunds.flag(c, shop.tenant, checkout.order().id(), "buyer asked", "owner"));
    assertTrue(flagged);
  }

  @Test
  void aFlaggedOrdersTargetNamesTheProvidersTransactionAndWhatWasPaid() {
    Checkout checkout = paid("T-2026-0001");
    assertThrows(
        ProviderRefundRefusedException.class,
        () -> tx.inTenant(shop.tenant, c -> ProviderRefunds.target(c, checkout.order().id())),
        "not flagged yet");
    flag(checkout);

    ProviderRefunds.Target target =
        tx.inTenant(shop.tenant, c -> ProviderRefunds.target(c, checkout.order().id()));

    assertEquals(checkout.paymentId(), target.paymentId());
    assertEquals("T-2026-0001", target.providerReference());
    assertEquals(checkout.order().total(), target.amount());
    assertEquals("buyer asked", target.reason());
  }

  @Test
  void withoutTheProvidersTransactionIdTheSuccessEventIdStandsIn() {
    Checkout checkout = paid(null);
    flag(checkout);
    assertEquals(
        "event-" + checkout.paymentId(),
        tx.inTenant(shop.tenant, c -> ProviderRefunds.target(c, checkout.order().id()))
            .providerReference());
  }

  @Test
  void thePaidBackRefundEndsTheOrderRefundedOnce() {
    Checkout checkout = paid("T-2026-0002");
    flag(checkout);
    boolean refunded =
        tx.inTenant(
            shop.tenant,
            c -> ProviderRefunds.refunded(c, shop.tenant, checkout.order().id(), "R-1"));
    assertTrue(refunded);
    assertEquals("REFUNDED", status(checkout.order().id()));
    assertThrows(
        ProviderRefundRefusedException.class,
        () -> tx.inTenant(shop.tenant, c -> ProviderRefunds.target(c, checkout.order().id())),
        "nothing left to refund");
  }

  private String status(UUID orderId) {
    return tx.inTenant(
        shop.tenant,
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT status FROM kameng.customer_order WHERE id = ?")) {
            select.setObject(1, orderId);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }
}
