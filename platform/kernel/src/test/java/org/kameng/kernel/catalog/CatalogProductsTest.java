package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.CatalogEntries.Product;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;

/**
 * Products: checked names, descriptions and fulfilment; the fulfilment is fixed once anything was
 * stocked or sold, and such a product is hidden rather than deleted.
 */
class CatalogProductsTest {

  private final AdminShop shop = new AdminShop();

  @Test
  void aProductIsCreatedUpdatedAndListedWithItsCategory() {
    UUID games = shop.category("Games");
    Product created =
        shop.run(
            c ->
                Products.create(
                    c, shop.tenant, new ProductDraft(games, " Wallet ", null, "CARD_KEY")));
    assertEquals("Wallet", created.name());
    assertEquals("", created.description());
    assertTrue(created.visible());

    Product updated =
        shop.run(
            c ->
                Products.update(
                    c,
                    shop.tenant,
                    created.id(),
                    new ProductDraft(null, "Top-up", "We top you up.", "MANUAL")));
    assertEquals(Fulfilment.MANUAL, updated.fulfilment());
    assertEquals(null, updated.categoryId());
    assertEquals(List.of(updated), shop.listing().products());
  }

  @Test
  void badProductInputNamesTheField() {
    String tooLong = "x".repeat(201);
    shop.assertInvalid("name", () -> create(new ProductDraft(null, tooLong, null, "MANUAL")));
    shop.assertInvalid("name", () -> create(new ProductDraft(null, " ", null, "MANUAL")));
    shop.assertInvalid(
        "description", () -> create(new ProductDraft(null, "P", "d".repeat(20_001), "MANUAL")));
    shop.assertInvalid("fulfilment", () -> create(new ProductDraft(null, "P", null, "EMAIL")));
    shop.assertInvalid("fulfilment", () -> create(new ProductDraft(null, "P", null, null)));
    shop.assertInvalid(
        "categoryId", () -> create(new ProductDraft(UUID.randomUUID(), "P", null, "MANUAL")));
  }

  @Test
  void fulfilmentIsFixedOnceTheProductHasCardKeys() {
    ShopFixture stocked = ShopFixture.withCardKeyProduct(1000);
    stocked.addKeys("fixed", 1);
    AdminShop admin = new AdminShop(stocked.tenant);

    admin.assertConflict(
        () ->
            admin.run(
                c ->
                    Products.update(
                        c,
                        stocked.tenant,
                        stocked.productId,
                        new ProductDraft(null, "Game card", "", "MANUAL"))));
    Product renamed =
        admin.run(
            c ->
                Products.update(
                    c,
                    stocked.tenant,
                    stocked.productId,
                    new ProductDraft(null, "Renamed", "", "CARD_KEY")));
    assertEquals("Renamed", renamed.name());
  }

  @Test
  void fulfilmentChangesWhileNothingWasStockedOrSold() {
    UUID product = shop.product("Flexible", Fulfilment.CARD_KEY);
    shop.sku(product, "10.00");
    Product changed =
        shop.run(
            c ->
                Products.update(
                    c, shop.tenant, product, new ProductDraft(null, "Flexible", "", "UPSTREAM")));
    assertEquals(Fulfilment.UPSTREAM, changed.fulfilment());
  }

  @Test
  void aProductWithOrdersIsHiddenNotDeleted() {
    ShopFixture sold = ShopFixture.withCardKeyProduct(1000);
    sold.addKeys("sold", 2);
    Checkout.of(sold, sold.db.transactions(), 1);
    AdminShop admin = new AdminShop(sold.tenant);

    CatalogConflictException refused =
        admin.assertConflict(
            () -> admin.change(c -> Products.delete(c, sold.tenant, sold.productId)));
    assertTrue(refused.getMessage().contains("Hide it"), refused.getMessage());

    admin.change(c -> Products.setVisible(c, sold.tenant, sold.productId, false));
    assertFalse(admin.listing().products().get(0).visible(), "hidden, still listed for staff");
    assertEquals(
        List.of(),
        admin.run(StorefrontCatalog::products),
        "a hidden product is not on the storefront");
  }

  @Test
  void anUnsoldProductIsDeletedWithItsSkusTiersAndFields() {
    UUID product = shop.product("Gone", Fulfilment.MANUAL);
    UUID sku = shop.sku(product, "10.00");
    shop.run(c -> WholesaleTiers.replace(c, shop.tenant, sku, List.of(new TierDraft(5, "9.00"))));
    shop.run(
        c ->
            InputFields.replace(
                c, shop.tenant, product, List.of(new InputFieldDraft("qq", "QQ", null, true))));

    shop.change(c -> Products.delete(c, shop.tenant, product));

    assertEquals(List.of(), shop.listing().products());
    assertThrows(
        CatalogItemNotFoundException.class,
        () -> shop.run(c -> AdminCatalog.product(c, shop.tenant, product)));
  }

  @Test
  void productsAreReordered() {
    UUID first = shop.product("First", Fulfilment.MANUAL);
    UUID second = shop.product("Second", Fulfilment.MANUAL);
    shop.change(c -> Products.reorder(c, shop.tenant, List.of(second, first)));
    assertEquals(
        List.of(second, first), shop.listing().products().stream().map(Product::id).toList());
  }

  private Product create(ProductDraft draft) {
    return shop.run(c -> Products.create(c, shop.tenant, draft));
  }
}
