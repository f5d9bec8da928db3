package org.kameng.kernel.theme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** A shop's images: its own only, stored once per content, and never more than the limit. */
class ShopImagesTest {

  private final TestDatabase db = TestDatabase.get();
  private final Transactions tx = db.transactions();

  // A PNG signature followed by bytes that make each image distinct.
  private static byte[] png(int n) {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    bytes[8] = (byte) (n >> 24);
    bytes[9] = (byte) (n >> 16);
    bytes[10] = (byte) (n >> 8);
    bytes[11] = (byte) n;
    return bytes;
  }

  @Test
  void anImageIsStoredOnceAndReadBackByItsShopOnly() {
    TenantId mine = db.newTenant();
    TenantId theirs = db.newTenant();
    ShopImages.Image stored = tx.inTenant(mine, c -> ShopImages.store(c, mine, png(1), "owner"));
    ShopImages.Image again = tx.inTenant(mine, c -> ShopImages.store(c, mine, png(1), "owner"));
    assertEquals(stored.id(), again.id());
    assertEquals("image/png", stored.contentType());
    assertEquals(1, tx.inTenant(mine, ShopImages::list).size());
    assertArrayEquals(
        png(1), tx.inTenant(mine, c -> ShopImages.content(c, stored.id())).orElseThrow().bytes());
    assertTrue(tx.inTenant(theirs, c -> ShopImages.content(c, stored.id())).isEmpty());
    assertTrue(tx.inTenant(theirs, ShopImages::list).isEmpty());
    assertEquals(false, tx.inTenant(theirs, c -> ShopImages.delete(c, theirs, stored.id(), "x")));
  }

  @Test
  void markupIsRefusedWhateverItIsCalled() {
    TenantId shop = db.newTenant();
    InvalidImageException e =
        assertThrows(
            InvalidImageException.class,
            () -> tx.inTenant(shop, c -> ShopImages.store(c, shop, "<svg/>".getBytes(), "owner")));
    assertEquals(400, e.status());
    assertTrue(tx.inTenant(shop, ShopImages::list).isEmpty());
  }

  @Test
  void concurrentUploadsNeverTakeTheShopPastItsLimit() throws Exception {
    TenantId shop = db.newTenant();
    for (int i = 0; i < ShopImages.MAX_PER_SHOP - 1; i++) {
      int n = i;
      tx.inTenant(shop, c -> ShopImages.store(c, shop, png(n), "owner"));
    }
    // Eight uploads for the last place at once: without the per-shop lock each would count 49
    // images and insert.
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < racers; i++) {
        int n = 1000 + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    tx.inTenant(shop, c -> ShopImages.store(c, shop, png(n), "owner"));
                    return true;
                  } catch (InvalidImageException e) {
                    assertEquals(409, e.status());
                    return false;
                  }
                }));
      }
      start.countDown();
      int stored = 0;
      for (Future<Boolean> r : results) {
        stored += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, stored);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(ShopImages.MAX_PER_SHOP, tx.inTenant(shop, ShopImages::list).size());
  }
}
