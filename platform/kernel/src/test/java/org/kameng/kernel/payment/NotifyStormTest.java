package org.kameng.kernel.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.fulfilment.DeliverOrder;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.OrderState;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * S2: 500 paid orders, each notified 8 times at once (the provider's re-sends, some with the same
 * event id and some with new ones), then hit by racing duplicate deliveries, then the whole storm
 * again as if the server had restarted: exactly one acceptance, one key and one ledger posting per
 * order.
 */
class NotifyStormTest {

  private static final int ORDERS = 500;
  private static final int NOTIFIES_PER_ORDER = 8;

  @Test
  void eachOrderIsPaidAndDeliveredExactlyOnce() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("storm", ORDERS);
    Transactions tx = shop.db.transactions();
    List<Checkout> checkouts = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      checkouts.add(Checkout.of(shop, tx, 1));
    }

    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    try (ConnectionPerThread connections = new ConnectionPerThread(shop.db.appDataSource())) {
      RecordPaymentNotice notices = new RecordPaymentNotice(new Transactions(connections));
      race(
          checkouts,
          NOTIFIES_PER_ORDER,
          (checkout, n) -> {
            // Half the re-sends repeat the event id, half carry a new one.
            String eventId = "trade-" + checkout.paymentId() + (n % 2 == 0 ? "" : "-" + n);
            PaymentNotice notice =
                new PaymentNotice(
                    checkout.paymentId().toString(),
                    eventId,
                    PaymentNotice.Outcome.SUCCEEDED,
                    Money.of(1000, "CNY"));
            NoticeResult result =
                notices.record(shop.tenant, shop.manualChannelId, checkout.paymentId(), notice);
            if (result.kind() == NoticeResult.Kind.ACCEPTED) {
              accepted
                  .computeIfAbsent(checkout.paymentId().toString(), k -> new AtomicInteger())
                  .incrementAndGet();
            }
          });
      Transactions pooled = new Transactions(connections);
      // Late duplicate deliveries racing, as if a delivery job had been claimed twice.
      race(
          checkouts,
          2,
          (checkout, n) ->
              pooled.inTenant(
                  shop.tenant, c -> DeliverOrder.deliver(c, shop.tenant, checkout.order().id())));
    }

    // The same storm again from a "restarted server": new instances, new connections, nothing
    // remembered in memory. Everything that stops a second acceptance lives in the database.
    AtomicInteger acceptedAfterRestart = new AtomicInteger();
    try (ConnectionPerThread fresh = new ConnectionPerThread(shop.db.appDataSource())) {
      RecordPaymentNotice restarted = new RecordPaymentNotice(new Transactions(fresh));
      race(
          checkouts,
          NOTIFIES_PER_ORDER,
          (checkout, n) -> {
            String eventId = "trade-" + checkout.paymentId() + (n % 2 == 0 ? "" : "-again-" + n);
            NoticeResult result =
                restarted.record(
                    shop.tenant,
                    shop.manualChannelId,
                    checkout.paymentId(),
                    new PaymentNotice(
                        checkout.paymentId().toString(),
                        eventId,
                        PaymentNotice.Outcome.SUCCEEDED,
                        Money.of(1000, "CNY")));
            if (result.kind() == NoticeResult.Kind.ACCEPTED) {
              acceptedAfterRestart.incrementAndGet();
            }
          });
    }
    assertEquals(0, acceptedAfterRestart.get(), "acceptances after the restart");

    assertEquals(ORDERS, accepted.size(), "orders accepted");
    accepted.values().forEach(count -> assertEquals(1, count.get(), "acceptances of one payment"));
    tx.inTenant(
        shop.tenant,
        c -> {
          for (Checkout checkout : checkouts) {
            OrderState state = OrderState.read(c, checkout.order().id());
            assertEquals(OrderStatus.DELIVERED.name(), state.orderStatus());
            assertEquals("SUCCEEDED", state.paymentStatus());
            assertEquals(1, state.soldKeys(), "keys sold to " + checkout.order().id());
            assertEquals(1, state.deliveredKeys(), "keys delivered to " + checkout.order().id());
            assertEquals(3, state.ledgerEntries(), "one posting of three entries");
            // Only the expiry job from placement: keys are delivered with the payment.
            assertEquals(1, state.jobs(), "jobs of " + checkout.order().id());
          }
          return null;
        });
  }

  private interface Step {
    void run(Checkout checkout, int n) throws Exception;
  }

  private static void race(List<Checkout> checkouts, int times, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int n = 0; n < times; n++) {
      for (Checkout checkout : checkouts) {
        int attempt = n;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  step.run(checkout, attempt);
                  return null;
                }));
      }
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(3, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
  }
}
