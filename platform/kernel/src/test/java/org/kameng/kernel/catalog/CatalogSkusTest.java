package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.CatalogEntries.Sku;
import org.kameng.kernel.catalog.CatalogEntries.Stock;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/** SKUs: exact prices in the shop's currency, sane quantities, stock counts, safe deletes. */
class CatalogSkusTest {

  private final AdminShop shop = new AdminShop();
  private final UUID product = shop.product("Wallet", Fulfilment.CARD_KEY);

  @Test
  void aSkuIsCreatedWithDefaultsInTheShopsCurrency() {
    Sku sku = create(new SkuDraft(" ¥50 ", "48.50", "CNY", "46", 2, null, null, 5));
    assertEquals("¥50", sku.name());
    assertEquals(Money.of(4850, "CNY"), sku.price());
    assertEquals(Money.of(4600, "CNY"), sku.cost());
    assertEquals(2, sku.minQuantity());
    assertEquals(100, sku.maxQuantity());
    assertEquals(5, sku.lowStockThreshold());
    assertEquals(new Stock(0, 0, 0), sku.stock());
    assertEquals(List.of(sku), shop.listing().products().get(0).skus());
  }

  @Test
  void badAmountsNameTheirField() {
    for (String bad :
        new String[] {null, "", "abc", "1.005", "-1", "1e30", "NaN", "9".repeat(40)}) {
      shop.assertInvalid("price", () -> create(AdminShop.draft("S", bad)));
    }
    shop.assertInvalid("price", () -> create(AdminShop.draft("S", "10000000000.01")));
    shop.assertInvalid(
        "cost", () -> create(new SkuDraft("S", "1.00", null, "0.001", null, null, null, null)));
    shop.assertInvalid(
        "currency", () -> create(new SkuDraft("S", "1.00", "USD", null, null, null, null, null)));
    shop.assertInvalid(
        "currency", () -> create(new SkuDraft("S", "1.00", "cny", null, null, null, null, null)));
  }

  @Test
  void quantitiesAndThresholdsAreChecked() {
    shop.assertInvalid("minQuantity", () -> create(quantities(0, 10, 0)));
    shop.assertInvalid("maxQuantity", () -> create(quantities(5, 4, 0)));
    shop.assertInvalid("maxQuantity", () -> create(quantities(1, 10_001, 0)));
    shop.assertInvalid("maxQuantity", () -> create(quantities(200, null, 0)));
    shop.assertInvalid("lowStockThreshold", () -> create(quantities(1, 10, -1)));
    shop.assertInvalid("name", () -> create(AdminShop.draft("n".repeat(101), "1")));
    assertEquals(10_000, create(quantities(10_000, 10_000, 0)).maxQuantity());
  }

  @Test
  void theStaffSeeAvailableReservedAndSoldKeysOfEverySku() {
    ShopFixture stocked = ShopFixture.withCardKeyProduct(1000);
    stocked.addKeys("count", 3);
    Checkout first = Checkout.of(stocked, stocked.db.transactions(), 1);
    Checkout.of(stocked, stocked.db.transactions(), 1);
    AdminShop admin = new AdminShop(stocked.tenant);
    admin.change(
        c -> {
          try (PreparedStatement deliver =
              c.prepareStatement(
                  "UPDATE kameng.card_key SET status = 'SOLD', sold_at = now()"
                      + " WHERE order_id = ?")) {
            deliver.setObject(1, first.order().id());
            deliver.executeUpdate();
          }
        });

    Sku sku = admin.listing().products().get(0).skus().get(0);
    assertEquals(new Stock(1, 1, 1), sku.stock());
  }

  @Test
  void aSkuWithCardKeysOrOrdersIsHiddenNotDeleted() {
    ShopFixture stocked = ShopFixture.withCardKeyProduct(1000);
    stocked.addKeys("keep", 1);
    AdminShop admin = new AdminShop(stocked.tenant);
    admin.assertConflict(() -> admin.change(c -> Skus.delete(c, stocked.tenant, stocked.skuId)));
    admin.assertConflict(
        () ->
            admin.run(
                c ->
                    Skus.update(
                        c,
                        stocked.tenant,
                        stocked.skuId,
                        new SkuDraft("100 points", "10.00", null, null, 1, 100, true, 0))));

    admin.change(c -> Skus.setVisible(c, stocked.tenant, stocked.skuId, false));
    assertEquals(List.of(), admin.run(StorefrontCatalog::products));
  }

  @Test
  void anUnusedSkuIsDeletedWithItsTiers() {
    UUID sku = shop.sku(product, "10.00");
    shop.run(c -> WholesaleTiers.replace(c, shop.tenant, sku, List.of(new TierDraft(2, "9"))));
    shop.change(c -> Skus.delete(c, shop.tenant, sku));
    assertEquals(List.of(), shop.listing().products().get(0).skus());
  }

  @Test
  void thePriceCannotFallBelowAWholesaleTier() {
    UUID sku = shop.sku(product, "10.00");
    shop.run(c -> WholesaleTiers.replace(c, shop.tenant, sku, List.of(new TierDraft(5, "9.00"))));
    shop.assertInvalid("price", () -> update(sku, AdminShop.draft("Plain", "8.99")));
    Sku cheaper = update(sku, new SkuDraft("Plain", "9.00", null, null, null, null, null, null));
    assertEquals(Money.of(900, "CNY"), cheaper.price());
    assertNull(cheaper.cost());
  }

  @Test
  void skusAreReorderedWithinTheirProduct() {
    UUID small = shop.sku(product, "10");
    UUID large = shop.sku(product, "20");
    UUID elsewhere = shop.sku(shop.product("Other", Fulfilment.MANUAL), "1");
    shop.change(c -> Skus.reorder(c, shop.tenant, product, List.of(large, small)));
    assertEquals(List.of(large, small), skuIds());
    shop.assertInvalid(
        "ids[1]",
        () -> shop.change(c -> Skus.reorder(c, shop.tenant, product, List.of(small, elsewhere))));
    assertThrows(
        CatalogItemNotFoundException.class,
        () -> shop.change(c -> Skus.reorder(c, shop.tenant, UUID.randomUUID(), List.of(small))));
  }

  private List<UUID> skuIds() {
    return shop.run(c -> AdminCatalog.product(c, shop.tenant, product)).skus().stream()
        .map(Sku::id)
        .toList();
  }

  private static SkuDraft quantities(Integer min, Integer max, Integer threshold) {
    return new SkuDraft("S", "1.00", null, null, min, max, null, threshold);
  }

  private Sku create(SkuDraft draft) {
    return shop.run(c -> Skus.create(c, shop.tenant, product, draft));
  }

  private Sku update(UUID sku, SkuDraft draft) {
    return shop.run(c -> Skus.update(c, shop.tenant, sku, draft));
  }
}
