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

  @Test
  void oversizedOrMalformedKeysAndValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> store.put("", "x"));
    assertThrows(IllegalArgumentException.class, () -> store.put("k".repeat(201), "x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> store.put("k", "v".repeat(PluginStore.MAX_VALUE + 1)));
    assertThrows(IllegalArgumentException.class, () -> store.put("k", "a\0b"));
    assertThrows(IllegalArgumentException.class, () -> new PluginStore(tx, shop, "Not A Plugin"));
  }
}
