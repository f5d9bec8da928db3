package org.kameng.kernel.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.order.KeyReservation;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.OrderState;
import org.kameng.kernel.testing.ShopFixture;

/**
 * S4: an unpaid order's keys return to stock when its reservation ends; a payment arriving after
 * that is settled — re-reserved if stock allows, otherwise flagged for refund — never dropped.
 */
class ExpiryTest {

  @Test
  void expiryReturnsReservedKeysToStock() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    shop.addKeys("exp", 3);
    Transactions tx = shop.db.transactions();
    Checkout checkout = Checkout.of(shop, tx, 2);
    assertEquals(1, available(shop));

    assertFalse(expire(shop, checkout.order().id()), "not due yet");
    endReservation(shop, checkout.order().id());
    assertTrue(expire(shop, checkout.order().id()));
    assertFalse(expire(shop, checkout.order().id()), "expires once");

    OrderState state = state(shop, checkout.order().id());
    assertEquals("EXPIRED", state.orderStatus());
    assertEquals(0, state.reservedKeys());
    assertEquals(3, available(shop));
  }

  @Test
  void latePaymentWithStockLeftIsReservedAgainAndDelivered() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    shop.addKeys("late", 2);
    Transactions tx = shop.db.transactions();
    Checkout checkout = Checkout.of(shop, tx, 2);
    endReservation(shop, checkout.order().id());
    expire(shop, checkout.order().id());

    assertEquals(NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "late-1").kind());

    OrderState state = state(shop, checkout.order().id());
    assertEquals("DELIVERED", state.orderStatus());
    assertEquals(2, state.deliveredKeys());
  }

  @Test
  void latePaymentWithoutStockIsFlaggedForRefundNotLost() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    shop.addKeys("gone", 1);
    Transactions tx = shop.db.transactions();
    Checkout slow = Checkout.of(shop, tx, 1);
    endReservation(shop, slow.order().id());
    expire(shop, slow.order().id());
    // Someone else buys the key that came back to stock.
    new PlaceOrder(tx).place(shop.tenant, OrderRequest.of(shop.skuId, 1, "quick@example.cn"));

    assertEquals(NoticeResult.Kind.ACCEPTED, slow.pay(shop, "late-2").kind());

    OrderState state = state(shop, slow.order().id());
    assertEquals("PAID_UNDELIVERABLE", state.orderStatus());
    assertEquals(0, state.reservedKeys());
    assertEquals(3, state.ledgerEntries(), "the money received is in the ledger");
    int refundTasks =
        tx.inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement count =
                  c.prepareStatement(
                      "SELECT count(*) FROM kameng.job WHERE kind = 'payment.refund-review'"
                          + " AND payload ->> 'orderId' = ?")) {
                count.setString(1, slow.order().id().toString());
                var rs = count.executeQuery();
                rs.next();
                return rs.getInt(1);
              }
            });
    assertEquals(1, refundTasks, "a refund task for staff");
  }

  private static boolean expire(ShopFixture shop, UUID orderId) {
    return shop.db
        .transactions()
        .inTenant(shop.tenant, c -> ExpireOrder.expire(c, shop.tenant, orderId));
  }

  private static void endReservation(ShopFixture shop, UUID orderId) {
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE kameng.customer_order SET reserved_until = now() - interval '1 second'"
                          + " WHERE id = ?")) {
                update.setObject(1, orderId);
                return update.executeUpdate();
              }
            });
  }

  private static int available(ShopFixture shop) {
    return shop.db
        .transactions()
        .inTenant(shop.tenant, c -> KeyReservation.available(c, shop.skuId));
  }

  private static OrderState state(ShopFixture shop, UUID orderId) {
    return shop.db.transactions().inTenant(shop.tenant, c -> OrderState.read(c, orderId));
  }
}
