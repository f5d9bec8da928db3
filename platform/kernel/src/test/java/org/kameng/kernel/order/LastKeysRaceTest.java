package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;

/**
 * S1: a thousand buyers race for the last hundred keys. Exactly the stock is sold, no key to two
 * orders, no order with the wrong number of keys, and no buyer is told "sold out" while enough
 * stock remained. The same harness run against a naive read-then-update allocation must find
 * violations, which shows the harness can see them.
 */
class LastKeysRaceTest {

  private static final int KEYS = 100;
  private static final int BUYERS = 1_000;
  private static final int THREADS = 32;

  @Test
  void thousandBuyersOfOneKeyEachGetExactlyTheHundredKeys() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("last", KEYS);
    Race race = race(shop, new Random(1), 1, this::placeWithKernel);

    assertEquals(KEYS, race.sold.size(), "orders that got keys");
    assertEquals(BUYERS - KEYS, race.soldOut.size(), "buyers told sold out");
    assertEquals(List.of(), violations(shop, race), "stock invariants");
  }

  @Test
  void buyersOfOneToFiveKeysNeverShareOrMiscountKeys() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("mixed", KEYS);
    Race race = race(shop, new Random(7), 5, this::placeWithKernel);

    int soldKeys = race.sold.values().stream().mapToInt(Integer::intValue).sum();
    int leftover = availableKeys(shop);
    assertEquals(KEYS, soldKeys + leftover, "every key is either sold once or still available");
    assertTrue(leftover < 5, "leftover " + leftover + " would have served a buyer");
    for (int refused : race.soldOut.values()) {
      assertTrue(refused > leftover, "a buyer of " + refused + " was refused with " + leftover);
    }
    assertEquals(List.of(), violations(shop, race), "stock invariants");
  }

  @Test
  void theHarnessCatchesANaiveReadThenUpdateAllocation() throws Exception {
    ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("naive", KEYS);
    Race race = race(shop, new Random(3), 1, this::placeNaively);

    assertFalse(
        violations(shop, race).isEmpty() && race.sold.size() == KEYS,
        "the naive allocation should oversell or miscount under this race");
  }

  // --- the race ------------------------------------------------------------------------------

  private interface Buyer {
    UUID buy(Transactions tx, ShopFixture shop, int quantity, int n) throws Exception;
  }

  private record Race(Map<UUID, Integer> sold, Map<Integer, Integer> soldOut) {}

  private Race race(ShopFixture shop, Random random, int maxQuantity, Buyer buyer)
      throws Exception {
    Map<UUID, Integer> sold = new ConcurrentHashMap<>();
    Map<Integer, Integer> soldOut = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ConnectionPerThread connections = new ConnectionPerThread(shop.db.appDataSource())) {
      Transactions tx = new Transactions(connections);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int n = 0; n < BUYERS; n++) {
        int buyerNumber = n;
        int quantity = 1 + random.nextInt(maxQuantity);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    sold.put(buyer.buy(tx, shop, quantity, buyerNumber), quantity);
                  } catch (SoldOutException e) {
                    soldOut.put(buyerNumber, quantity);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (var f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    }
    return new Race(sold, soldOut);
  }

  private UUID placeWithKernel(Transactions tx, ShopFixture shop, int quantity, int n) {
    PlacedOrder order =
        new PlaceOrder(tx)
            .place(shop.tenant, OrderRequest.of(shop.skuId, quantity, "b" + n + "@x.cn"));
    return order.id();
  }

  /** What the field does: read available keys, then mark them, with no lock or condition. */
  private UUID placeNaively(Transactions tx, ShopFixture shop, int quantity, int n)
      throws Exception {
    UUID orderId = UUID.randomUUID();
    return tx.inTenant(
        shop.tenant,
        c -> {
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement read =
              c.prepareStatement(
                  "SELECT id FROM kameng.card_key WHERE sku_id = ? AND status = 'AVAILABLE'"
                      + " ORDER BY id LIMIT ?")) {
            read.setObject(1, shop.skuId);
            read.setInt(2, quantity);
            try (ResultSet rs = read.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
          }
          if (ids.size() < quantity) {
            throw new SoldOutException("sold out");
          }
          // The few milliseconds a PHP shop spends between its SELECT and its UPDATE.
          sleep(2);
          try (PreparedStatement mark =
              c.prepareStatement(
                  "UPDATE kameng.card_key SET status = 'RESERVED', order_id = ?,"
                      + " reserved_until = now() WHERE id = ANY (?)")) {
            mark.setObject(1, orderId);
            mark.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
          }
          return orderId;
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- the invariants ------------------------------------------------------------------------

  /** Every violation found: orders whose reserved keys differ from what they bought. */
  private static List<String> violations(ShopFixture shop, Race race) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              List<String> found = new ArrayList<>();
              Map<UUID, Integer> held = keysPerOrder(c);
              race.sold.forEach(
                  (order, quantity) -> {
                    int got = held.getOrDefault(order, 0);
                    if (got != quantity) {
                      found.add("order " + order + " bought " + quantity + " but holds " + got);
                    }
                  });
              held.keySet().stream()
                  .filter(order -> !race.sold.containsKey(order))
                  .forEach(order -> found.add("keys held by unknown order " + order));
              return found;
            });
  }

  private static Map<UUID, Integer> keysPerOrder(Connection c) throws SQLException {
    Map<UUID, Integer> held = new ConcurrentHashMap<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT order_id, count(*) FROM kameng.card_key"
                    + " WHERE order_id IS NOT NULL GROUP BY order_id");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        held.put(rs.getObject(1, UUID.class), rs.getInt(2));
      }
    }
    return held;
  }

  private static int availableKeys(ShopFixture shop) {
    return shop.db
        .transactions()
        .inTenant(shop.tenant, c -> KeyReservation.available(c, shop.skuId));
  }
}
