package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;

/**
 * Every transition into a state listeners hear of raises one order-event job, written by the
 * transition's own statement, and only in a shop with an enabled marketing configuration.
 */
class OrderEventsTest {

  private final ShopFixture shop = ShopFixture.withCardKeyProduct(500);
  private final Transactions tx = shop.db.transactions();

  private void enableMarketing() {
    tx.inTenant(
        shop.tenant,
        c ->
            PluginConfigs.create(
                c,
                shop.db.dataKeys().forTenant(c, shop.tenant),
                PluginConfigs.MARKETING,
                "marketing-coupons",
                "Coupons",
                Map.of(),
                Map.of(),
                "owner"));
  }

  private List<String> events() {
    return tx.inTenant(
        shop.tenant,
        c -> {
          List<String> found = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT payload ->> 'type', payload ->> 'orderId' FROM kameng.job"
                      + " WHERE kind = 'order-event' AND tenant_id = ? ORDER BY id")) {
            // the job table is the platform's: other tests' shops' jobs are in it too
            select.setObject(1, shop.tenant.value());
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getString(1) + " " + rs.getString(2));
              }
            }
          }
          return found;
        });
  }

  @Test
  void aPaidAndDeliveredOrderRaisesTwoEventsInAShopWithMarketing() {
    enableMarketing();
    shop.addKeys("ev", 2);
    Checkout checkout = Checkout.of(shop, tx, 1);
    assertEquals(List.of(), events(), "placing is not an event");

    assertEquals(NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "ev-1").kind());

    String order = checkout.order().id().toString();
    assertEquals(List.of("PAID " + order, "DELIVERED " + order), events());
  }

  @Test
  void aCancelledOrderRaisesCancelledAndAMissedTransitionRaisesNothing() {
    enableMarketing();
    shop.addKeys("cx", 1);
    Checkout checkout = Checkout.of(shop, tx, 1);
    tx.inTenant(
        shop.tenant, c -> CancelOrder.cancel(c, shop.tenant, checkout.order().id(), "staff"));
    boolean again =
        tx.inTenant(
            shop.tenant,
            c ->
                OrderTransitions.move(
                    c,
                    shop.tenant,
                    checkout.order().id(),
                    OrderStatus.CANCELLED,
                    OrderStatus.PENDING_PAYMENT));

    assertEquals(false, again);
    assertEquals(List.of("CANCELLED " + checkout.order().id()), events());
  }

  @Test
  void aShopWithoutMarketingGetsNoEventJobs() {
    shop.addKeys("none", 1);
    Checkout checkout = Checkout.of(shop, tx, 1);
    assertEquals(NoticeResult.Kind.ACCEPTED, checkout.pay(shop, "none-1").kind());
    assertEquals(List.of(), events());
  }
}
