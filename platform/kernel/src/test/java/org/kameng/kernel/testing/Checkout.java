package org.kameng.kernel.testing;

import java.util.UUID;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.tenancy.Transactions;

/** A buyer's way through the kernel: place an order, open a payment through the manual channel. */
public record Checkout(PlacedOrder order, UUID paymentId) {

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
