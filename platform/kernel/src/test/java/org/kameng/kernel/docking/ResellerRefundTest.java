package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.payment.Refunds;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ConnectionPerThread;

/**
 * A refunded order that a downstream reseller paid from its balance puts the money back on that
 * balance, with the ledger's reversal, exactly once: however often, and however concurrently, the
 * refund is recorded.
 */
class ResellerRefundTest {

  @Test
  void aRefundGoesBackToTheResellersBalanceOnceAndTheLedgerBalances() {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("100.00");
    UUID order =
        d.placing(d.shop.db.transactions())
            .place(d.shop.tenant, d.resellerId, d.request("line-1", 2))
            .orderId();
    assertEquals(8000, d.balance());

    assertTrue(flag(d, order));
    assertTrue(markRefunded(d, d.shop.db.transactions(), order));
    assertEquals(10000, d.balance(), "20.00 back on the balance");
    assertEquals(10000, d.ledgerCredit(), "the ledger's credit agrees with the balance");
    assertEquals(0, d.count("SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"));
    assertEquals(
        0,
        d.count(
            "SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"
                + " WHERE account = 'TENANT_REVENUE'"),
        "the shop keeps nothing of a refunded sale");
    assertEquals(
        1, d.count("SELECT count(*) FROM kameng.audit_log WHERE action = 'reseller.refund'"));

    // A second refund attempt: refused, nothing credited.
    assertFalse(markRefunded(d, d.shop.db.transactions(), order));
    assertFalse(flag(d, order));
    assertEquals(10000, d.balance());
    assertEquals(10000, d.ledgerCredit());
  }

  @Test
  void twoConcurrentRefundsOfOneOrderCreditItOnce() throws Exception {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("50.00");
    UUID order =
        d.placing(d.shop.db.transactions())
            .place(d.shop.tenant, d.resellerId, d.request("line-2", 3))
            .orderId();
    assertTrue(flag(d, order));
    List<Boolean> results = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (ConnectionPerThread connections = new ConnectionPerThread(d.shop.db.appDataSource())) {
      Transactions tx = new Transactions(connections);
      List<Future<Boolean>> done = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return markRefunded(d, tx, order);
                }));
      }
      start.countDown();
      for (Future<Boolean> f : done) {
        results.add(f.get(1, TimeUnit.MINUTES));
      }
      pool.shutdown();
    }
    assertEquals(1, results.stream().filter(r -> r).count(), results.toString());
    assertEquals(5000, d.balance(), "30.00 back once");
    assertEquals(5000, d.ledgerCredit());
  }

  @Test
  void aRefundOfAnOrderPaidThroughAChannelLeavesResellerBalancesAlone() {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("10.00");
    Checkout checkout = Checkout.of(d.shop, d.shop.db.transactions(), 1);
    checkout.pay(d.shop, "evt-" + UUID.randomUUID());
    UUID order = checkout.order().id();
    assertTrue(flag(d, order));
    assertTrue(markRefunded(d, d.shop.db.transactions(), order));
    assertEquals(1000, d.balance());
    assertEquals(1000, d.ledgerCredit());
    assertEquals(
        0, d.count("SELECT count(*) FROM kameng.audit_log WHERE action = 'reseller.refund'"));
  }

  private static boolean flag(Downstream d, UUID order) {
    return d.shop
        .db
        .transactions()
        .inTenant(
            d.shop.tenant, c -> Refunds.flag(c, d.shop.tenant, order, "buyer asked", "staff"));
  }

  private static boolean markRefunded(Downstream d, Transactions tx, UUID order) {
    return tx.inTenant(d.shop.tenant, c -> Refunds.markRefunded(c, d.shop.tenant, order, "staff"));
  }
}
