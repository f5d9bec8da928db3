package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.CatalogEntries.Category;

/** Categories nest one level, are named 1–100 characters, and are deleted only when empty. */
class CatalogCategoriesTest {

  private final AdminShop shop = new AdminShop();

  @Test
  void aSubcategoryIsCreatedUnderATopLevelCategoryAndListedInOrder() {
    UUID games = shop.category("Games");
    Category steam =
        shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(games, " Steam ")));
    Category psn =
        shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(games, "PSN")));

    assertEquals("Steam", steam.name(), "names are stripped");
    assertEquals(games, steam.parentId());
    assertEquals(steam.position() + 1, psn.position(), "new categories go last");
    assertEquals(3, shop.listing().categories().size());
  }

  @Test
  void aSubcategoryCannotHoldSubcategories() {
    UUID games = shop.category("Games");
    UUID steam =
        shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(games, "Steam"))).id();

    shop.assertInvalid(
        "parentId",
        () -> shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(steam, "Deep"))));
  }

  @Test
  void aCategoryWithSubcategoriesCannotMoveUnderAnother() {
    UUID games = shop.category("Games");
    UUID cards = shop.category("Cards");
    shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(games, "Steam")));

    shop.assertInvalid(
        "parentId",
        () ->
            shop.run(
                c -> Categories.update(c, shop.tenant, games, new CategoryDraft(cards, "Games"))));
    shop.assertInvalid(
        "parentId",
        () ->
            shop.run(
                c -> Categories.update(c, shop.tenant, cards, new CategoryDraft(cards, "Cards"))));
  }

  @Test
  void anEmptyCategoryMovesAndIsRenamed() {
    UUID games = shop.category("Games");
    UUID cards = shop.category("Cards");
    Category moved =
        shop.run(c -> Categories.update(c, shop.tenant, cards, new CategoryDraft(games, "Gift")));
    assertEquals(games, moved.parentId());
    assertEquals("Gift", moved.name());
  }

  @Test
  void namesAndParentsAreChecked() {
    UUID games = shop.category("Games");
    for (String bad : new String[] {null, "", "   ", "x".repeat(101), "a\u0000b"}) {
      shop.assertInvalid(
          "name",
          () -> shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(null, bad))));
    }
    shop.assertInvalid(
        "parentId",
        () ->
            shop.run(
                c ->
                    Categories.create(
                        c, shop.tenant, new CategoryDraft(UUID.randomUUID(), "Orphan"))));
    assertEquals(
        "x".repeat(100),
        shop.run(
                c ->
                    Categories.update(
                        c, shop.tenant, games, new CategoryDraft(null, "x".repeat(100))))
            .name());
  }

  @Test
  void aCategoryWithProductsOrSubcategoriesIsNotDeleted() {
    UUID games = shop.category("Games");
    UUID steam =
        shop.run(c -> Categories.create(c, shop.tenant, new CategoryDraft(games, "Steam"))).id();
    UUID product =
        shop.run(
                c ->
                    Products.create(
                        c, shop.tenant, new ProductDraft(steam, "Wallet", null, "CARD_KEY")))
            .id();

    CatalogConflictException notEmpty =
        shop.assertConflict(() -> shop.change(c -> Categories.delete(c, shop.tenant, games)));
    assertTrue(notEmpty.getMessage().contains("subcategories"), notEmpty.getMessage());
    notEmpty =
        shop.assertConflict(() -> shop.change(c -> Categories.delete(c, shop.tenant, steam)));
    assertTrue(notEmpty.getMessage().contains("products"), notEmpty.getMessage());

    shop.change(c -> Products.delete(c, shop.tenant, product));
    shop.change(c -> Categories.delete(c, shop.tenant, steam));
    shop.change(c -> Categories.delete(c, shop.tenant, games));
    assertEquals(List.of(), shop.listing().categories());
  }

  @Test
  void categoriesAreReorderedAllOrNothing() {
    UUID a = shop.category("A");
    UUID b = shop.category("B");
    shop.change(c -> Categories.reorder(c, shop.tenant, List.of(b, a)));
    assertEquals(List.of(b, a), shop.listing().categories().stream().map(Category::id).toList());

    shop.assertInvalid(
        "ids[1]",
        () -> shop.change(c -> Categories.reorder(c, shop.tenant, List.of(a, UUID.randomUUID()))));
    shop.assertInvalid(
        "ids[1]", () -> shop.change(c -> Categories.reorder(c, shop.tenant, List.of(a, a))));
  }

  @Test
  void anUnknownCategoryIsNotFound() {
    UUID unknown = UUID.randomUUID();
    assertThrows(
        CatalogItemNotFoundException.class,
        () ->
            shop.run(
                c -> Categories.update(c, shop.tenant, unknown, new CategoryDraft(null, "X"))));
    assertThrows(
        CatalogItemNotFoundException.class,
        () -> shop.change(c -> Categories.delete(c, shop.tenant, unknown)));
  }
}
