package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Imports racing for the same SKU: the database, not timing, decides. */
class ConcurrentImportTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer =
      new CardKeyImport(db.transactions(), db.dataKeys(), Runnable::run, 1, 500);

  @Test
  void theSameFileImportedTwiceAtOnceStoresEveryKeyOnce() throws Exception {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("RACE-").append(i).append('\n');
    }

    List<ImportReport> reports =
        race(2, n -> importer.importKeys(shop, sku, ImportSource.text(text.toString()), none()));

    assertEquals(5_000, reports.stream().mapToLong(ImportReport::imported).sum());
    assertEquals(5_000, reports.stream().mapToLong(ImportReport::duplicates).sum());
    assertEquals(5_000, fixtures.keys(shop, sku).size());
  }

  @Test
  void racingImportsIntoAnEmptyLoopKeySkuStoreExactlyOneKey() throws Exception {
    TenantId shop = db.newTenant();
    UUID loop = fixtures.sku(shop, "CARD_KEY", true, 0, "Shared account");

    List<ImportReport> reports =
        race(8, n -> importer.importKeys(shop, loop, ImportSource.text("LOOP-" + n), none()));

    assertEquals(1, reports.stream().mapToLong(ImportReport::imported).sum());
    assertEquals(7, reports.stream().mapToLong(ImportReport::rejected).sum());
    assertEquals(1, fixtures.keys(shop, loop).size());
  }

  private interface Contender {
    ImportReport run(int n) throws Exception;
  }

  private static List<ImportReport> race(int contenders, Contender contender) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ImportReport>> futures = new ArrayList<>();
      for (int i = 0; i < contenders; i++) {
        int n = i;
        Callable<ImportReport> call =
            () -> {
              start.await();
              return contender.run(n);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<ImportReport> reports = new ArrayList<>();
      for (Future<ImportReport> f : futures) {
        reports.add(f.get());
      }
      return reports;
    } finally {
      pool.shutdown();
    }
  }

  private static ImportProgress none() {
    return ImportProgress.ignored();
  }
}
