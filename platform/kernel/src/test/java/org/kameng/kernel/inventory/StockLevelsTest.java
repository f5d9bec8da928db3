package org.kameng.kernel.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** Stock counts per state and the low-stock check. */
class StockLevelsTest {

  private final TestDatabase db = TestDatabase.get();
  private final InventoryFixtures fixtures = new InventoryFixtures(db);
  private final CardKeyImport importer = new CardKeyImport(db.transactions(), db.dataKeys());
  private final StockLevels stock = new StockLevels(db.transactions());

  @Test
  void countsKeysByState() {
    TenantId shop = db.newTenant();
    UUID sku = fixtures.cardKeySku(shop);
    importKeys(shop, sku, 10);
    fixtures.markKeys(shop, sku, "SOLD", 3);
    fixtures.markKeys(shop, sku, "RESERVED", 2);

    assertEquals(new Stock(sku, 5, 2, 3), stock.of(shop, sku));
  }

  @Test
  void anotherShopsSkuIsNotFound() {
    TenantId mine = db.newTenant();
    UUID sku = fixtures.cardKeySku(mine);
    assertThrows(SkuNotFoundException.class, () -> stock.of(db.newTenant(), sku));
  }

  @Test
  void listsSkusAtOrBelowTheirThreshold() {
    TenantId shop = db.newTenant();
    UUID atThreshold = fixtures.sku(shop, "CARD_KEY", false, 5, "At threshold");
    UUID below = fixtures.sku(shop, "CARD_KEY", false, 5, "Below");
    UUID above = fixtures.sku(shop, "CARD_KEY", false, 5, "Above");
    UUID noThreshold = fixtures.sku(shop, "CARD_KEY", false, 0, "No threshold");
    UUID soldOut = fixtures.sku(shop, "CARD_KEY", false, 1, "Sold out");
    UUID loopWithKey = fixtures.sku(shop, "CARD_KEY", true, 3, "Loop with key");
    UUID loopWithout = fixtures.sku(shop, "CARD_KEY", true, 3, "Loop without key");
    fixtures.sku(shop, "MANUAL", false, 5, "Manual");
    importKeys(shop, atThreshold, 5);
    importKeys(shop, below, 6);
    fixtures.markKeys(shop, below, "RESERVED", 2); // reserved keys are not available
    importKeys(shop, above, 6);
    importKeys(shop, loopWithKey, 1);
    TenantId other = db.newTenant();
    fixtures.sku(other, "CARD_KEY", false, 5, "Other shop, empty");

    List<LowStock> low = stock.lowStock(shop);

    assertEquals(
        List.of(
            new LowStock(loopWithout, "Loop without key", 0, 3),
            new LowStock(soldOut, "Sold out", 0, 1),
            new LowStock(below, "Below", 4, 5),
            new LowStock(atThreshold, "At threshold", 5, 5)),
        low);
    assertEquals(false, low.stream().anyMatch(s -> s.skuId().equals(noThreshold)));
  }

  private void importKeys(TenantId shop, UUID sku, int count) {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < count; i++) {
      keys.append(sku).append('-').append(i).append('\n');
    }
    importer.importKeys(shop, sku, ImportSource.text(keys.toString()), ImportProgress.ignored());
  }
}
