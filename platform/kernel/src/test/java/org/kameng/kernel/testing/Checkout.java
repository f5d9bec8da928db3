package org.kameng.kernel.testing;

import java.util.UUID;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;

/** A buyer's way through the kernel: place an order, open a payment through the manual channel. */
public record Checkout(PlacedOrder order, UUID paymentId) {

  /** The provider's notify for the whole amount, as the manual channel's staff confirm it. */
  public NoticeResult pay(ShopFixture shop, String eventId) {
    return new RecordPaymentNotice(shop.db.transactions())
        .record(
            shop.tenant,
            shop.manualChannelId,
            paymentId,
            new PaymentNotice(
                paymentId.toString(), eventId, PaymentNotice.Outcome.SUCCEEDED, order.total()));
  }

  /** Orders {@code quantity} keys of the fixture's SKU and opens a payment for them. */
  public static Checkout of(ShopFixture shop, Transactions tx, int quantity) {
    PlacedOrder order =
        new PlaceOrder(tx)
            .place(shop.tenant, OrderRequest.of(shop.skuId, quantity, "buyer@example.cn"));
    UUID payment =
        tx.inTenant(
            shop.tenant,
            c -> StartPayment.start(c, shop.tenant, order.id(), shop.manualChannelId).paymentId());
    return new Checkout(order, payment);
  }
}
