package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.docking.DownstreamResellers;
import org.kameng.kernel.docking.PlaceResellerOrder;
import org.kameng.kernel.docking.ResellerBalances;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.payment.Refunds;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * A middle shop of a chain: a downstream reseller orders its UPSTREAM SKU through the reseller API,
 * paying from its balance; the middle shop's own upstream fails for good, so the order ends
 * PAID_UNDELIVERABLE; staff refund it, and the reseller's balance gets the money back once.
 */
class UndeliverableResellerOrderTest {

  @Test
  void aResellerOrderTheUpstreamCouldNotFulfilIsRefundedToTheResellersBalance() {
    UpstreamShop s = new UpstreamShop();
    s.upstream.answer = new UpstreamResult.FinalFailure("the upstream is out of stock");
    var tx = s.shop.db.transactions();
    UUID reseller =
        tx.inTenant(
            s.shop.tenant,
            c -> {
              UUID id =
                  DownstreamResellers.create(
                          c,
                          s.shop.tenant,
                          new DownstreamResellers.ResellerDraft(
                              "Downstream", 1, null, null, "CNY", null),
                          "owner")
                      .id();
              ResellerBalances.topUp(c, s.shop.tenant, id, "50.00", null, "owner");
              return id;
            });
    UUID order =
        new PlaceResellerOrder(new PlaceOrder(tx))
            .place(
                s.shop.tenant,
                reseller,
                new PlaceResellerOrder.ResellerOrderRequest("line-9", s.skuId, 2, null, null))
            .orderId();
    assertEquals(2600, balance(s, reseller), "50.00 less 2 x 12.00");

    s.runAll();
    assertEquals(OrderStatus.PAID_UNDELIVERABLE, s.status(order));

    boolean flagged =
        tx.inTenant(
            s.shop.tenant, c -> Refunds.flag(c, s.shop.tenant, order, "upstream failed", "staff"));
    assertTrue(flagged);
    boolean refunded =
        tx.inTenant(s.shop.tenant, c -> Refunds.markRefunded(c, s.shop.tenant, order, "staff"));
    assertTrue(refunded);
    assertEquals(5000, balance(s, reseller), "the 24.00 back");
    boolean again =
        tx.inTenant(s.shop.tenant, c -> Refunds.markRefunded(c, s.shop.tenant, order, "staff"));
    assertFalse(again, "a second refund is refused");
    assertEquals(5000, balance(s, reseller));
    assertEquals(0, s.count("SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"));
  }

  private static long balance(UpstreamShop s, UUID reseller) {
    return s.count(
        "SELECT balance_minor FROM kameng.downstream_reseller WHERE id = '" + reseller + "'");
  }
}
