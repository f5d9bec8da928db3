package org.kameng.kernel.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * The kernel raises a notification job in the transaction of the event itself, and only for a shop
 * with an enabled notifier: a delivered order, a failed payment and money taken for an order that
 * cannot be delivered each leave exactly one job; a shop without a notifier gets none.
 */
class NotificationsTest {

  private static void addWebhook(ShopFixture shop) {
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c ->
                PluginConfigs.create(
                    c,
                    shop.db.dataKeys().forTenant(c, shop.tenant),
                    PluginConfigs.NOTIFIER,
                    "notifier-webhook",
                    "hook",
                    Map.of("url", "https://hooks.example/"),
                    Map.of("signingSecret", "x".repeat(40)),
                    "owner"));
  }

  private static List<String> events(ShopFixture shop) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              List<String> found = new ArrayList<>();
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT payload ->> 'event' FROM kameng.job WHERE kind = ?"
                          + " AND tenant_id = ? ORDER BY id")) {
                s.setString(1, Notifications.JOB);
                s.setObject(2, shop.tenant.value());
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getString(1));
                  }
                }
              }
              return found;
            });
  }

  @Test
  void aDeliveredOrderRaisesOneNotificationWhenTheShopHasANotifier() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("n", 2);
    addWebhook(shop);
    Checkout checkout = Checkout.of(shop, shop.db.transactions(), 1);
    checkout.pay(shop, "evt-1");
    checkout.pay(shop, "evt-1");
    assertEquals(List.of("ORDER_DELIVERED"), events(shop));
  }

  @Test
  void aShopWithoutANotifierGetsNoNotificationJobs() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("quiet", 1);
    Checkout.of(shop, shop.db.transactions(), 1).pay(shop, "evt-q");
    assertEquals(List.of(), events(shop));
  }

  @Test
  void aFailedPaymentRaisesOneNotification() {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("f", 1);
    addWebhook(shop);
    Checkout checkout = Checkout.of(shop, shop.db.transactions(), 1);
    RecordPaymentNotice record = new RecordPaymentNotice(shop.db.transactions());
    for (String event : new String[] {"fail-1", "fail-1", "fail-2"}) {
      record.record(
          shop.tenant,
          shop.manualChannelId,
          checkout.paymentId(),
          new PaymentNotice(
              checkout.paymentId().toString(),
              event,
              PaymentNotice.Outcome.FAILED,
              Money.of(1000, "CNY")));
    }
    assertEquals(List.of("PAYMENT_FAILED"), events(shop));
  }
}
