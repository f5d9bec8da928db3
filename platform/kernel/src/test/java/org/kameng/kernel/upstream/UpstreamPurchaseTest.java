package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.ledger.Account;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/** A paid UPSTREAM line is bought upstream once, whatever happens to the job, and delivered. */
class UpstreamPurchaseTest {

  @Test
  void payingQueuesOnePurchaseAndItsKeysReachTheBuyerWithTheCostBooked() {
    UpstreamShop s = new UpstreamShop();
    PlacedOrder order = s.paidOrder(2);
    assertEquals(OrderStatus.DELIVERING, s.status(order.id()));
    assertEquals(1, s.dueJobs().size(), "one purchase job, written by the paying transaction");

    s.runAll();

    assertEquals(1, s.upstream.placeCalls.get());
    assertEquals("item-7", s.upstream.placed.get(0).upstreamItemId());
    assertEquals(2, s.upstream.placed.get(0).quantity());
    assertEquals(900, s.upstream.placed.get(0).maxUnitPrice().minorUnits());
    var view = s.buyerView(order.id());
    assertEquals(OrderStatus.DELIVERED, view.status());
    assertEquals(2, view.keys().size());
    assertTrue(view.keys().get(0).startsWith("UPKEY-"), view.keys().toString());
    long fee = Ledger.platformFee(2400, feeBps(s));
    assertEquals(1800, balance(s, Account.UPSTREAM_COSTS));
    assertEquals(2400 - fee - 1800, balance(s, Account.TENANT_REVENUE), "the margin");
  }

  @Test
  void aJobThatRunsAgainAfterDeliveryBuysNothingAndDeliversNothingTwice() {
    UpstreamShop s = new UpstreamShop();
    PlacedOrder order = s.paidOrder(1);
    List<Job> jobs = s.dueJobs();
    s.run(jobs.get(0));
    s.run(
        new Job(
            jobs.get(0).id(), s.shop.tenant, UpstreamPurchases.JOB, jobs.get(0).payload(), 2, 10));

    assertEquals(1, s.upstream.placeCalls.get());
    assertEquals(1, s.buyerView(order.id()).keys().size());
    assertEquals(900, balance(s, Account.UPSTREAM_COSTS), "the cost booked once");
  }

  @Test
  void aCrashAfterPlacingQueriesOnTheRetryAndBuysOnce() {
    UpstreamShop s = new UpstreamShop();
    PlacedOrder order = s.paidOrder(1);
    Job job = s.dueJobs().get(0);

    // The server dies after the upstream bought but before the job's transaction committed.
    assertThrows(
        IllegalStateException.class,
        () ->
            s.shop
                .db
                .transactions()
                .inTenant(
                    s.shop.tenant,
                    c -> {
                      s.purchase.handle(c, job);
                      throw new IllegalStateException("crash");
                    }));
    assertEquals(OrderStatus.DELIVERING, s.status(order.id()));
    // The same attempt runs again (a transaction retried after a transient error looks like this):
    // only the mark committed before placing tells it that the upstream may have bought.
    s.run(new Job(job.id(), s.shop.tenant, job.kind(), job.payload(), 1, 10));

    assertEquals(1, s.upstream.placeCalls.get(), "placed once");
    assertEquals(1, s.upstream.queries.get(), "asked before placing again");
    assertEquals(OrderStatus.DELIVERED, s.status(order.id()));
    assertEquals(1, s.buyerView(order.id()).keys().size());
  }

  @Test
  void aLostAnswerIsFollowedUpByAQueryNotASecondOrder() {
    UpstreamShop s = new UpstreamShop();
    s.upstream.loseAnswerOnce = true;
    PlacedOrder order = s.paidOrder(3);

    s.runAll();

    assertEquals(1, s.upstream.placeCalls.get());
    assertEquals(1, s.upstream.queries.get());
    assertEquals(OrderStatus.DELIVERED, s.status(order.id()));
    assertEquals(3, s.buyerView(order.id()).keys().size());
  }

  @Test
  void aPendingOrderIsPolledUntilTheUpstreamDelivers() {
    UpstreamShop s = new UpstreamShop();
    s.upstream.answer = new UpstreamResult.Accepted("up-async");
    PlacedOrder order = s.paidOrder(1);
    s.run(s.dueJobs().get(0));
    assertEquals(OrderStatus.DELIVERING, s.status(order.id()));
    assertEquals(
        1,
        s.count(
            "SELECT count(*) FROM kameng.upstream_purchase WHERE status = 'PLACED'"
                + " AND upstream_order_id = 'up-async'"));

    // The upstream finishes; the follow-up job asks and delivers.
    s.upstream.orders.replaceAll(
        (k, v) -> new UpstreamResult.Delivered("up-async", List.of("ASYNC-KEY")));
    s.runAll();

    assertEquals(1, s.upstream.placeCalls.get());
    assertEquals(OrderStatus.DELIVERED, s.status(order.id()));
    assertEquals(List.of("ASYNC-KEY"), s.buyerView(order.id()).keys());
  }

  @Test
  void aFinalFailureLeavesTheOrderPaidUndeliverableWithARefundTaskAndAnAlert() {
    UpstreamShop s = new UpstreamShop();
    s.upstream.answer = new UpstreamResult.FinalFailure("the upstream is out of stock");
    PlacedOrder order = s.paidOrder(1);

    s.runAll();

    assertEquals(OrderStatus.PAID_UNDELIVERABLE, s.status(order.id()));
    assertEquals(
        1L,
        (long)
            s.shop
                .db
                .transactions()
                .platform(
                    c -> {
                      try (var select =
                          c.prepareStatement(
                              "SELECT count(*) FROM kameng.job WHERE tenant_id = ?"
                                  + " AND kind = 'payment.refund-review'")) {
                        select.setObject(1, s.shop.tenant.value());
                        try (var rs = select.executeQuery()) {
                          rs.next();
                          return rs.getLong(1);
                        }
                      }
                    }));
    assertEquals(
        1,
        s.count(
            "SELECT count(*) FROM kameng.audit_log WHERE action = '"
                + PurchaseUpstream.FAILED_ACTION
                + "'"));
    assertEquals(0, balance(s, Account.UPSTREAM_COSTS), "nothing was bought");
  }

  @Test
  void aLineWhoseSkuLostItsLinkFailsWithoutCallingTheUpstream() {
    UpstreamShop s = new UpstreamShop();
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              try (var delete = c.prepareStatement("DELETE FROM kameng.upstream_link")) {
                return delete.executeUpdate();
              }
            });
    PlacedOrder order = s.paidOrder(1);

    s.runAll();

    assertEquals(0, s.upstream.placeCalls.get());
    assertEquals(OrderStatus.PAID_UNDELIVERABLE, s.status(order.id()));
  }

  @Test
  void aCallbackPromptsAQueryAtOnceOnlyForAnOpenPurchaseOfTheShop() {
    UpstreamShop s = new UpstreamShop();
    s.upstream.answer = new UpstreamResult.Pending();
    PlacedOrder order = s.paidOrder(1);
    s.run(s.dueJobs().get(0));
    s.upstream.orders.replaceAll((k, v) -> new UpstreamResult.Delivered("up-1", List.of("CB-1")));

    boolean known =
        s.shop
            .db
            .transactions()
            .inTenant(
                s.shop.tenant, c -> UpstreamPurchases.prompt(c, s.shop.tenant, order.id(), 1));
    assertTrue(known);
    s.runAll();
    assertEquals(OrderStatus.DELIVERED, s.status(order.id()));
    assertEquals(1, s.upstream.placeCalls.get());

    assertEquals(
        false,
        s.shop
            .db
            .transactions()
            .inTenant(
                s.shop.tenant,
                c -> UpstreamPurchases.prompt(c, s.shop.tenant, java.util.UUID.randomUUID(), 1)));
    s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamPurchases.prompt(c, s.shop.tenant, order.id(), 1));
    assertEquals(0, s.dueJobs().size(), "a delivered purchase is not prompted");
  }

  @Test
  void followUpsWaitLongerEachTimeUpToAQuarterHour() {
    PurchaseUpstream p =
        new PurchaseUpstream(
            null, null, null, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(5));
    assertEquals(java.time.Duration.ofSeconds(5), p.wait(0));
    assertEquals(java.time.Duration.ofSeconds(40), p.wait(3));
    assertEquals(java.time.Duration.ofMinutes(15), p.wait(30));
  }

  private static long balance(UpstreamShop s, Account account) {
    return s.shop.db.transactions().inTenant(s.shop.tenant, c -> Ledger.balance(c, account, "CNY"));
  }

  private static int feeBps(UpstreamShop s) {
    long bps =
        s.shop
            .db
            .transactions()
            .platform(
                c -> {
                  try (var select =
                      c.prepareStatement(
                          "SELECT platform_fee_bps FROM kameng.tenant WHERE id = ?")) {
                    select.setObject(1, s.shop.tenant.value());
                    try (var rs = select.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
    return (int) bps;
  }
}
