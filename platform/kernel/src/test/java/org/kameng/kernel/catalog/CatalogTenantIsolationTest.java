package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kameng.kernel.catalog.CatalogEntries.Listing;

/**
 * T1: the staff of one shop neither see nor change another shop's catalog, even with its ids. Each
 * attempt is "not found" (or names the foreign id as unknown) and leaves the other shop untouched.
 */
class CatalogTenantIsolationTest {

  private final AdminShop mine = new AdminShop();
  private final AdminShop theirs = new AdminShop();
  private final UUID category = theirs.category("Theirs");
  private final UUID product = theirs.product("Their product", Fulfilment.CARD_KEY);
  private final UUID sku = theirs.sku(product, "10.00");

  @Test
  void anotherShopsCatalogIsInvisible() {
    assertEquals(new Listing(List.of(), List.of()), mine.listing());
    notFound(() -> mine.run(c -> AdminCatalog.product(c, mine.tenant, product)));
  }

  @Test
  void anotherShopsItemsCannotBeChangedOrDeleted() {
    Listing before = theirs.listing();
    notFound(
        () ->
            mine.run(
                c -> Categories.update(c, mine.tenant, category, new CategoryDraft(null, "X"))));
    notFound(() -> mine.change(c -> Categories.delete(c, mine.tenant, category)));
    notFound(
        () ->
            mine.run(
                c ->
                    Products.update(
                        c, mine.tenant, product, new ProductDraft(null, "X", "", "MANUAL"))));
    notFound(() -> mine.change(c -> Products.setVisible(c, mine.tenant, product, false)));
    notFound(() -> mine.change(c -> Products.delete(c, mine.tenant, product)));
    notFound(() -> mine.run(c -> Skus.create(c, mine.tenant, product, AdminShop.draft("X", "1"))));
    notFound(() -> mine.run(c -> Skus.update(c, mine.tenant, sku, AdminShop.draft("X", "1"))));
    notFound(() -> mine.change(c -> Skus.setVisible(c, mine.tenant, sku, false)));
    notFound(() -> mine.change(c -> Skus.delete(c, mine.tenant, sku)));
    notFound(() -> mine.run(c -> WholesaleTiers.replace(c, mine.tenant, sku, List.of())));
    notFound(() -> mine.run(c -> InputFields.replace(c, mine.tenant, product, List.of())));
    assertEquals(before, theirs.listing());
  }

  @Test
  void anotherShopsIdsAreUnknownAsReferencesAndPositions() {
    Listing before = theirs.listing();
    mine.assertInvalid(
        "parentId",
        () -> mine.run(c -> Categories.create(c, mine.tenant, new CategoryDraft(category, "X"))));
    mine.assertInvalid(
        "categoryId",
        () ->
            mine.run(
                c ->
                    Products.create(
                        c, mine.tenant, new ProductDraft(category, "X", "", "MANUAL"))));
    mine.assertInvalid(
        "ids[0]", () -> mine.change(c -> Categories.reorder(c, mine.tenant, List.of(category))));
    mine.assertInvalid(
        "ids[0]", () -> mine.change(c -> Products.reorder(c, mine.tenant, List.of(product))));
    assertEquals(before, theirs.listing());
  }

  @Test
  void aTransactionForOneShopCannotWriteWithAnotherShopsTenantId() {
    // The server always passes the member's own tenant; row-level security backs that up if a
    // caller ever named another one inside this shop's transaction.
    Listing before = theirs.listing();
    assertThrows(
        RuntimeException.class,
        () ->
            mine.run(c -> Categories.create(c, theirs.tenant, new CategoryDraft(null, "Sneaky"))));
    notFound(() -> mine.change(c -> Products.setVisible(c, theirs.tenant, product, false)));
    assertEquals(before, theirs.listing());
  }

  private static void notFound(Executable attempt) {
    assertThrows(CatalogItemNotFoundException.class, attempt);
  }
}
