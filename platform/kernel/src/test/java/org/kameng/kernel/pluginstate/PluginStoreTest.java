package org.kameng.kernel.pluginstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

class PluginStoreTest {

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();
  private final TenantId shop = db.newTenant();
  private final PluginStore store = new PluginStore(tx, shop, "payment-sandbox");

  @Test
  void putGetAndDelete() {
    assertEquals(Optional.empty(), store.get("a"));
    store.put("a", "1");
    store.put("a", "2");
    assertEquals(Optional.of("2"), store.get("a"));
    assertTrue(store.delete("a"));
    assertFalse(store.delete("a"));
    assertEquals(Optional.empty(), store.get("a"));
  }

  @Test
  void putIfAbsentAndCompareAndSetDoNotOverwrite() {
    assertTrue(store.putIfAbsent("k", "first"));
    assertFalse(store.putIfAbsent("k", "second"));
    assertEquals(Optional.of("first"), store.get("k"));
    assertFalse(store.compareAndSet("k", "second", "third"));
    assertTrue(store.compareAndSet("k", "first", "third"));
    assertEquals(Optional.of("third"), store.get("k"));
    assertFalse(store.compareAndSet("missing", "x", "y"));
  }

  @Test
  void onlyOneOfManyConcurrentPutIfAbsentWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String value = "v" + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                return store.putIfAbsent("decision", value);
              }));
    }
    start.countDown();
    int winners = 0;
    for (Future<Boolean> result : results) {
      winners += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, winners);
  }

  @Test
  void keysAreScopedToThePluginAndTheShop() {
    store.put("shared", "mine");
    assertEquals(Optional.empty(), new PluginStore(tx, shop, "payment-epay").get("shared"));
    assertEquals(
        Optional.empty(), new PluginStore(tx, db.newTenant(), "payment-sandbox").get("shared"));
    assertEquals(Optional.of("mine"), store.get("shared"));
  }

  /** Runs SQL as the owner in this shop's scope: to age keys or fill the store fast. */
  private void asOwner(String sql) throws Exception {
    try (java.sql.Connection c = db.ownerDataSource().getConnection();
        java.sql.Statement statement = c.createStatement()) {
      statement.execute("SELECT set_config('app.tenant_id', '" + shop.value() + "', false)");
      statement.execute(sql);
    }
  }

  @Test
  void anExpiredKeyReadsAsAbsentAndCanBeTakenAgain() throws Exception {
    store.put("payment:1", "started", java.time.Duration.ofDays(30));
    assertEquals(Optional.of("started"), store.get("payment:1"));
    assertFalse(store.putIfAbsent("payment:1", "again", java.time.Duration.ofDays(30)));
    asOwner(
        "UPDATE kameng.plugin_store SET expires_at = now() - interval '1 second'"
            + " WHERE key = 'payment:1'");
    assertEquals(Optional.empty(), store.get("payment:1"));
    assertFalse(store.compareAndSet("payment:1", "started", "x"));
    assertTrue(store.putIfAbsent("payment:1", "again", java.time.Duration.ofDays(30)));
    assertEquals(Optional.of("again"), store.get("payment:1"));
    assertThrows(
        IllegalArgumentException.class, () -> store.put("k", "v", java.time.Duration.ZERO));
  }

  @Test
  void aScopeHoldsAtMostTheLimitOfLiveKeys() throws Exception {
    asOwner(
        "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value)"
            + " SELECT '"
            + shop.value()
            + "', 'payment-sandbox', 'fill-' || n, 'x'"
            + " FROM generate_series(1, "
            + (PluginStore.MAX_KEYS - 1)
            + ") n");
    store.put("last", "fits");
    assertThrows(IllegalArgumentException.class, () -> store.put("one-too-many", "x"));
    assertThrows(IllegalArgumentException.class, () -> store.putIfAbsent("one-too-many", "x"));
    // Replacing an existing key is always allowed, and an expired key frees its place.
    store.put("last", "replaced");
    asOwner(
        "UPDATE kameng.plugin_store SET expires_at = now() - interval '1 second'"
            + " WHERE key = 'fill-1'");
    assertTrue(store.putIfAbsent("one-too-many", "now it fits"));
    // Another plugin of the same shop has its own limit.
    new PluginStore(tx, shop, "payment-epay").put("mine", "x");
  }

  private void fill(int keys) throws Exception {
    asOwner(
        "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value)"
            + " SELECT '"
            + shop.value()
            + "', 'payment-sandbox', 'fill-' || n, 'x'"
            + " FROM generate_series(1, "
            + keys
            + ") n");
  }

  /**
   * Fails on a quota that counts the scope's keys inside each writer's own snapshot: concurrent
   * writers all see the same count and all insert.
   */
  @Test
  void concurrentWritersOfNewKeysNeverPassTheLimit() throws Exception {
    int free = 3;
    int writers = 16;
    fill(PluginStore.MAX_KEYS - free);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String key = "new-" + i;
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  store.put(key, "x");
                  return true;
                } catch (IllegalArgumentException full) {
                  return false;
                }
              }));
    }
    start.countDown();
    int stored = 0;
    for (Future<Boolean> result : results) {
      stored += result.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(free, stored);
    assertEquals(PluginStore.MAX_KEYS, liveKeys());
  }

  /**
   * Fails on a quota kept in one counter row: a writer whose transaction has not committed yet
   * would hold it, and every other new key of the shop would wait for that commit.
   */
  @Test
  void aNewKeyDoesNotWaitForAnotherWritersOpenTransaction() throws Exception {
    store.put("first", "x");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      tx.inTenant(
          shop,
          c -> {
            try (java.sql.PreparedStatement insert =
                c.prepareStatement(
                    "INSERT INTO kameng.plugin_store (tenant_id, plugin_id, key, value)"
                        + " VALUES (?, 'payment-sandbox', 'held', 'x')")) {
              insert.setObject(1, shop.value());
              insert.executeUpdate();
            }
            // This transaction holds its place until it ends; another key must not wait for it.
            Future<?> put = other.submit(() -> store.put("meanwhile", "x"));
            try {
              put.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new IllegalStateException("the other writer waited or failed", e);
            }
            return null;
          });
    } finally {
      other.shutdownNow();
    }
    assertEquals(3, liveKeys());
    assertEquals(3, sizeRow());
  }

  @Test
  void deletesAndPurgedExpiredKeysGiveTheirPlacesBack() throws Exception {
    fill(PluginStore.MAX_KEYS - 1);
    store.put("a", "1", java.time.Duration.ofDays(1));
    assertThrows(IllegalArgumentException.class, () -> store.put("b", "x"));
    assertTrue(store.delete("a"));
    store.put("b", "x");
    // Replacing keys never takes a place, however often.
    for (int i = 0; i < 5; i++) {
      store.put("b", "x" + i);
    }
    // Many expired keys: the full store deletes them when the next new key arrives.
    asOwner(
        "UPDATE kameng.plugin_store SET expires_at = now() - interval '1 second'"
            + " WHERE key LIKE 'fill-1%'");
    store.put("c", "fits after the purge");
    assertEquals(liveKeys(), storedKeys());
    assertEquals(liveKeys(), sizeRow());
  }

  private long liveKeys() {
    return count(
        "SELECT count(*) FROM kameng.plugin_store WHERE plugin_id = 'payment-sandbox'"
            + " AND (expires_at IS NULL OR expires_at > now())");
  }

  private long storedKeys() {
    return count("SELECT count(*) FROM kameng.plugin_store WHERE plugin_id = 'payment-sandbox'");
  }

  private long sizeRow() {
    return count(
        "SELECT sum(keys) FROM kameng.plugin_store_size WHERE plugin_id = 'payment-sandbox'");
  }

  private long count(String sql) {
    return tx.inTenant(
        shop,
        c -> {
          try (java.sql.Statement statement = c.createStatement();
              java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void oversizedOrMalformedKeysAndValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> store.put("", "x"));
    assertThrows(IllegalArgumentException.class, () -> store.put("k".repeat(201), "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.put("k", "v".repeat(PluginStore.MAX_VALUE + 1)));
    assertThrows(IllegalArgumentException.class, () -> store.put("k", "a\0b"));
    assertThrows(IllegalArgumentException.class, () -> store.put("line\nbreak", "x"));
    assertThrows(IllegalArgumentException.class, () -> new PluginStore(tx, shop, "Not A Plugin"));
  }
}
