package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;

/**
 * Two hundred downstream orders race for a balance that covers fifty: exactly fifty are placed, the
 * balance ends at exactly zero, the ledger agrees to the cent, and no key is sold for an order that
 * was refused. The same race against a naive read-then-write draw must break something, which shows
 * the race can see it.
 */
class BalanceRaceTest {

  private static final int ORDERS = 200;
  private static final int THREADS = 32;

  @Test
  void twoHundredOrdersAgainstABalanceForFiftyPlaceExactlyFifty() throws Exception {
    Downstream d = Downstream.of(1000, 250, null, null);
    d.topUp("500.00");
    AtomicInteger placed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();

    race(
        d,
        (tx, n) -> {
          try {
            d.placing(tx).place(d.shop.tenant, d.resellerId, d.request("race-" + n, 1));
            placed.incrementAndGet();
          } catch (InsufficientBalanceException e) {
            refused.incrementAndGet();
          }
        });

    assertEquals(50, placed.get(), "orders placed");
    assertEquals(150, refused.get(), "orders refused for want of funds");
    assertEquals(0, d.balance(), "balance");
    assertEquals(0, d.ledgerCredit(), "the ledger's credit for the reseller");
    assertEquals(50, d.count("SELECT count(*) FROM kameng.card_key WHERE status = 'SOLD'"));
    assertEquals(200, d.count("SELECT count(*) FROM kameng.card_key WHERE status = 'AVAILABLE'"));
    assertEquals(
        50, d.count("SELECT count(*) FROM kameng.customer_order WHERE status = 'DELIVERED'"));
    assertEquals(50, d.count("SELECT count(*) FROM kameng.customer_order"), "no refused order");
    assertEquals(0, d.count("SELECT coalesce(sum(amount_minor), 0) FROM kameng.ledger_entry"));
    assertEquals(
        50_000,
        d.count(
            "SELECT sum(amount_minor) FROM kameng.ledger_entry"
                + " WHERE account IN ('TENANT_REVENUE', 'PLATFORM_FEES')"),
        "what the fifty orders earned");
  }

  @Test
  void theRaceCatchesANaiveReadThenWriteDraw() throws Exception {
    Downstream d = Downstream.of(1000, 0, null, null);
    d.topUp("500.00");
    AtomicInteger drawn = new AtomicInteger();

    race(
        d,
        (tx, n) ->
            tx.inTenant(
                d.shop.tenant,
                c -> {
                  long balance;
                  try (PreparedStatement read =
                      c.prepareStatement(
                          "SELECT balance_minor FROM kameng.downstream_reseller WHERE id = ?")) {
                    read.setObject(1, d.resellerId);
                    try (ResultSet rs = read.executeQuery()) {
                      rs.next();
                      balance = rs.getLong(1);
                    }
                  }
                  if (balance < 1000) {
                    return null;
                  }
                  try (PreparedStatement pause = c.prepareStatement("SELECT pg_sleep(0.002)")) {
                    pause.execute();
                  }
                  try (PreparedStatement write =
                      c.prepareStatement(
                          "UPDATE kameng.downstream_reseller SET balance_minor = ? WHERE id = ?")) {
                    write.setLong(1, balance - 1000);
                    write.setObject(2, d.resellerId);
                    write.executeUpdate();
                  }
                  drawn.incrementAndGet();
                  return null;
                }));

    assertTrue(drawn.get() > 50, "the naive draw should let more than 50 through: " + drawn);
  }

  private interface Buyer {
    void buy(Transactions tx, int n) throws Exception;
  }

  private static void race(Downstream d, Buyer buyer) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ConnectionPerThread connections = new ConnectionPerThread(d.shop.db.appDataSource())) {
      Transactions tx = new Transactions(connections);
      List<Future<?>> done = new ArrayList<>();
      for (int n = 0; n < ORDERS; n++) {
        int number = n;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  buyer.buy(tx, number);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
  }
}
