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
