package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.fulfilment.ExpireOrder;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.marketing.PriceAdjustment;
import org.kameng.plugin.api.marketing.Proposal;
import org.kameng.plugin.api.marketing.Redemption;

/**
 * A coupon use given back when its order expired is taken again when the order is paid late and
 * delivered at the discounted price: a one-use coupon is then used up, not free for a second buyer
 * while the first one got its discount.
 */
class LatePaymentCouponTest {

  private static final String LIMIT = "marketing-test:ONCE";

  /** 1.00 off with code ONCE, one use in all. */
  private static final PriceRules ONCE =
      cart ->
          new PriceRules.Answer(
              List.of(
                  new PriceRules.Proposed(
                      "marketing-test",
                      cart.promotionCodes().isEmpty()
                          ? Proposal.of(List.of())
                          : new Proposal(
                              List.of(
                                  new PriceAdjustment(
                                      cart.lines().get(0).lineRef(),
                                      Money.of(-100, "CNY"),
                                      LIMIT,
                                      "Once")),
                              List.of(new Redemption("ONCE", "ONCE", 1, 0))))),
              List.of());

  private final ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
  private final Transactions tx = shop.db.transactions();

  private PlacedOrder placeWithCoupon(String buyer) {
    return new PlaceOrder(tx, shop.db.dataKeys())
        .place(
            shop.tenant, OrderRequest.of(shop.skuId, 1, buyer).withCouponCode("ONCE"), null, ONCE);
  }

  private long uses() {
    return tx.inTenant(shop.tenant, c -> PromotionUses.uses(c, LIMIT));
  }

  @Test
  void aLatePaymentTakesBackTheUseExpiryGaveBack() {
    shop.addKeys("late-coupon", 3);
    PlacedOrder order = placeWithCoupon("slow@example.cn");
    assertEquals(900, order.total().minorUnits());
    UUID payment =
        tx.inTenant(
            shop.tenant,
            c -> StartPayment.start(c, shop.tenant, order.id(), shop.manualChannelId).paymentId());
    endReservationAndExpire(order.id());
    assertEquals(0, uses(), "expiry gives the use back");

    NoticeResult paid =
        new RecordPaymentNotice(tx)
            .record(
                shop.tenant,
                shop.manualChannelId,
                payment,
                new PaymentNotice(
                    payment.toString(), "late-1", PaymentNotice.Outcome.SUCCEEDED, order.total()));

    assertEquals(NoticeResult.Kind.ACCEPTED, paid.kind());
    assertEquals("DELIVERED", status(order.id()));
    assertEquals(1, uses(), "the delivered order at the coupon's price holds its use again");
    InvalidPromotionException refused =
        assertThrows(InvalidPromotionException.class, () -> placeWithCoupon("next@example.cn"));
    assertEquals("couponCode", refused.field());
  }

  @Test
  void anUnpaidExpiredOrdersUseStaysFreeForTheNextBuyer() {
    shop.addKeys("free-again", 3);
    PlacedOrder abandoned = placeWithCoupon("gone@example.cn");
    endReservationAndExpire(abandoned.id());

    PlacedOrder next = placeWithCoupon("next@example.cn");

    assertEquals(900, next.total().minorUnits());
    assertEquals(1, uses());
  }

  private void endReservationAndExpire(UUID orderId) {
    tx.inTenant(
        shop.tenant,
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE kameng.customer_order SET reserved_until = now() - interval '1 second'"
                      + " WHERE id = ?")) {
            update.setObject(1, orderId);
            update.executeUpdate();
          }
          return ExpireOrder.expire(c, shop.tenant, orderId);
        });
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
