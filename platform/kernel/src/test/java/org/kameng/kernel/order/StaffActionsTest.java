package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.InputFieldDraft;
import org.kameng.kernel.catalog.InputFields;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.fulfilment.DeliverManually;
import org.kameng.kernel.ledger.Account;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.Refunds;
import org.kameng.kernel.tenancy.SqlWork;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.OrderState;
import org.kameng.kernel.testing.ShopFixture;

/** What shop staff do to orders: cancel, deliver manual goods, refund — each once, each audited. */
class StaffActionsTest {

  @Test
  void cancellingAnUnpaidOrderReturnsItsKeysOnce() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    shop.addKeys("cancel", 2);
    Transactions tx = shop.db.transactions();
    Checkout checkout = Checkout.of(shop, tx, 2);

    assertTrue(did(shop, c -> CancelOrder.cancel(c, shop.tenant, checkout.order().id(), "staff")));
    assertFalse(did(shop, c -> CancelOrder.cancel(c, shop.tenant, checkout.order().id(), "staff")));
    OrderState state = tx.inTenant(shop.tenant, c -> OrderState.read(c, checkout.order().id()));
    assertEquals("CANCELLED", state.orderStatus());
    int available = tx.inTenant(shop.tenant, c -> KeyReservation.available(c, shop.skuId));
    assertEquals(2, available);
  }

  @Test
  void aPaidOrderCannotBeCancelled() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    shop.addKeys("paid", 1);
    Transactions tx = shop.db.transactions();
    Checkout checkout = Checkout.of(shop, tx, 1);
    assertEquals(
        NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "evt-" + checkout.paymentId()).kind());
    assertFalse(did(shop, c -> CancelOrder.cancel(c, shop.tenant, checkout.order().id(), "staff")));
    assertEquals(
        "DELIVERED",
        tx.inTenant(shop.tenant, c -> OrderState.read(c, checkout.order().id())).orderStatus());
  }

  @Test
  void manualGoodsWaitForStaffAndTheBuyerSeesWhatTheyHandedOver() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(500);
    Transactions tx = shop.db.transactions();
    UUID sku =
        tx.inTenant(
            shop.tenant,
            c -> {
              UUID product =
                  Products.create(c, shop.tenant, new ProductDraft(null, "Top-up", "", "MANUAL"))
                      .id();
              InputFields.replace(
                  c,
                  shop.tenant,
                  product,
                  List.of(new InputFieldDraft("account", "Account", "^[0-9]{5,12}$", true)));
              return Skus.create(
                      c,
                      shop.tenant,
                      product,
                      new SkuDraft("10 coins", "3.00", "CNY", null, null, null, null, null))
                  .id();
            });
    PlacedOrder order =
        new PlaceOrder(tx)
            .place(
                shop.tenant,
                new OrderRequest(
                    sku, 1, "gamer@example.cn", null, null, Map.of("account", "1234567")),
                shop.manualChannelId);
    Checkout checkout = new Checkout(order, order.paymentId());
    assertEquals(
        NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "evt-" + checkout.paymentId()).kind());
    assertEquals(
        "DELIVERING", tx.inTenant(shop.tenant, c -> OrderState.read(c, order.id())).orderStatus());

    DeliverManually staff = new DeliverManually(shop.db.dataKeys());
    assertThrows(
        InvalidOrderException.class,
        () ->
            tx.inTenant(shop.tenant, c -> staff.deliver(c, shop.tenant, order.id(), " ", "staff")));
    assertTrue(
        did(shop, c -> staff.deliver(c, shop.tenant, order.id(), "Topped up, ref 77", "staff")));
    assertFalse(did(shop, c -> staff.deliver(c, shop.tenant, order.id(), "again", "staff")));

    OrderLookup.BuyerView view =
        tx.inTenant(
                shop.tenant,
                c ->
                    new OrderLookup(shop.db.dataKeys())
                        .byToken(c, shop.tenant, order.token(), "127.0.0.1"))
            .orElseThrow();
    assertEquals(OrderStatus.DELIVERED, view.status());
    assertEquals(List.of("Topped up, ref 77"), view.manualDeliveries());
  }

  @Test
  void aRefundIsFlaggedThenRecordedAndTheLedgerStillBalances() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(2000);
    shop.addKeys("refund", 1);
    Transactions tx = shop.db.transactions();
    Checkout checkout = Checkout.of(shop, tx, 1);
    assertEquals(
        NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "evt-" + checkout.paymentId()).kind());
    UUID orderId = checkout.order().id();

    assertFalse(
        did(shop, c -> Refunds.markRefunded(c, shop.tenant, orderId, "owner")), "not flagged yet");
    assertTrue(
        did(shop, c -> Refunds.flag(c, shop.tenant, orderId, "buyer changed mind", "owner")));
    assertTrue(did(shop, c -> Refunds.markRefunded(c, shop.tenant, orderId, "owner")));
    assertFalse(
        did(shop, c -> Refunds.markRefunded(c, shop.tenant, orderId, "owner")), "refunds once");

    assertEquals(
        "REFUNDED", tx.inTenant(shop.tenant, c -> OrderState.read(c, orderId)).orderStatus());
    assertEquals(2000, balance(shop, Account.REFUNDS));
    assertEquals(0, balance(shop, Account.TENANT_REVENUE));
    assertEquals(0, balance(shop, Account.PLATFORM_FEES));
  }

  private static boolean did(ShopFixture shop, SqlWork<Boolean> action) {
    return shop.db.transactions().inTenant(shop.tenant, action);
  }

  private static long balance(ShopFixture shop, Account account) {
    return shop.db.transactions().inTenant(shop.tenant, c -> Ledger.balance(c, account, "CNY"));
  }
}
