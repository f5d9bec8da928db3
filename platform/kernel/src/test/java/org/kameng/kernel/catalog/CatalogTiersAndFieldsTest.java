package org.kameng.kernel.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.CatalogEntries.InputField;
import org.kameng.kernel.catalog.CatalogEntries.Tier;
import org.kameng.plugin.api.Money;

/**
 * Wholesale tiers start at 2 units, rise strictly and never cost more than the SKU; input fields
 * have machine names, labels and patterns that compile. Both are replaced as a whole.
 */
class CatalogTiersAndFieldsTest {

  private final AdminShop shop = new AdminShop();
  private final UUID product = shop.product("Membership", Fulfilment.MANUAL);
  private final UUID sku = shop.sku(product, "15.00");

  @Test
  void tiersAreReplacedAsAWhole() {
    tiers(new TierDraft(5, "14.00"), new TierDraft(10, "13.50"));
    List<Tier> replaced = tiers(new TierDraft(20, "15.00"));
    assertEquals(List.of(new Tier(20, Money.of(1500, "CNY"))), replaced);
    assertEquals(replaced, onlySku().tiers());
    assertEquals(List.of(), tiers());
  }

  @Test
  void badTiersNameTheTierAndField() {
    tiers(new TierDraft(5, "14.00"));
    shop.assertInvalid("tiers[0].minQuantity", () -> tiers(new TierDraft(1, "14.00")));
    shop.assertInvalid("tiers[0].minQuantity", () -> tiers(new TierDraft(null, "14.00")));
    shop.assertInvalid(
        "tiers[1].minQuantity", () -> tiers(new TierDraft(5, "14.00"), new TierDraft(5, "13")));
    shop.assertInvalid(
        "tiers[1].minQuantity", () -> tiers(new TierDraft(5, "14.00"), new TierDraft(3, "13")));
    shop.assertInvalid("tiers[0].price", () -> tiers(new TierDraft(5, "15.01")));
    shop.assertInvalid("tiers[0].price", () -> tiers(new TierDraft(5, "14.001")));
    shop.assertInvalid("tiers[0].price", () -> tiers(new TierDraft(5, null)));
    shop.assertInvalid("tiers[1]", () -> tiers(new TierDraft(5, "14.00"), null));
    shop.assertInvalid(
        "tiers", () -> shop.run(c -> WholesaleTiers.replace(c, shop.tenant, sku, null)));
  }

  @Test
  void inputFieldsAreReplacedInTheGivenOrder() {
    List<InputField> fields =
        fields(
            new InputFieldDraft("account", "Phone number", "^1[3-9][0-9]{9}$", null),
            new InputFieldDraft("note", "Note", "", false));
    assertEquals(
        List.of(
            new InputField("account", "Phone number", "^1[3-9][0-9]{9}$", true),
            new InputField("note", "Note", null, false)),
        fields);
    assertEquals(fields, shop.listing().products().get(0).inputFields());
    assertEquals(List.of(), fields());
  }

  @Test
  void badInputFieldsNameTheFieldAtFault() {
    for (String bad : new String[] {null, "", "Account", "1st", "a-b", "a".repeat(41)}) {
      shop.assertInvalid("fields[0].name", () -> fields(new InputFieldDraft(bad, "L", null, true)));
    }
    shop.assertInvalid(
        "fields[1].name",
        () ->
            fields(
                new InputFieldDraft("a", "A", null, true),
                new InputFieldDraft("a", "B", null, true)));
    shop.assertInvalid("fields[0].label", () -> fields(new InputFieldDraft("a", "", null, true)));
    shop.assertInvalid(
        "fields[0].label", () -> fields(new InputFieldDraft("a", "l".repeat(101), null, true)));
    shop.assertInvalid(
        "fields[0].pattern", () -> fields(new InputFieldDraft("a", "A", "[unclosed", true)));
    shop.assertInvalid(
        "fields[0].pattern", () -> fields(new InputFieldDraft("a", "A", "x".repeat(201), true)));
    shop.assertInvalid("fields[0]", () -> fields((InputFieldDraft) null));
    shop.assertInvalid(
        "fields", () -> shop.run(c -> InputFields.replace(c, shop.tenant, product, null)));
  }

  private List<Tier> tiers(TierDraft... tiers) {
    return shop.run(c -> WholesaleTiers.replace(c, shop.tenant, sku, Arrays.asList(tiers)));
  }

  private List<InputField> fields(InputFieldDraft... fields) {
    return shop.run(c -> InputFields.replace(c, shop.tenant, product, Arrays.asList(fields)));
  }

  private CatalogEntries.Sku onlySku() {
    return shop.run(c -> AdminCatalog.product(c, shop.tenant, product)).skus().get(0);
  }

  /**
   * The product page's one statement (P4) reads what the separate queries read: the tiers of
   * visible SKUs in order, the fields in order, and the product's category by name.
   */
  @Test
  void theProductPageReadsTiersFieldsAndCategoryInOneStatementAsTheSeparateQueriesDo() {
    UUID category = shop.category("Memberships 会员");
    shop.change(
        c ->
            Products.update(
                c, shop.tenant, product, new ProductDraft(category, "Membership", "", "MANUAL")));
    UUID second = shop.sku(product, "30.00");
    UUID hidden = shop.sku(product, "40.00");
    tiers(new TierDraft(5, "14.00"), new TierDraft(10, "13.50"));
    shop.run(
        c -> WholesaleTiers.replace(c, shop.tenant, second, List.of(new TierDraft(3, "29.00"))));
    shop.run(
        c -> WholesaleTiers.replace(c, shop.tenant, hidden, List.of(new TierDraft(2, "39.00"))));
    shop.change(c -> Skus.setVisible(c, shop.tenant, hidden, false));
    fields(
        new InputFieldDraft("zone", "Zone", null, false),
        new InputFieldDraft("account", "Account", "[0-9]{5,12}", true));

    StorefrontDetails.PageDetails page =
        shop.run(c -> StorefrontDetails.forPage(c, product, category));
    StorefrontDetails.Extras separate = shop.run(c -> StorefrontDetails.of(c, product));
    assertEquals(separate, page.extras());
    assertEquals(2, page.extras().tiers().size(), "a hidden SKU's tiers were read");
    assertEquals(
        List.of(5, 10), page.extras().tiers().get(sku).stream().map(Tier::minQuantity).toList());
    assertEquals(
        List.of("zone", "account"),
        page.extras().inputFields().stream().map(InputField::name).toList());
    assertEquals("Memberships 会员", page.categoryName());
    assertEquals(null, shop.run(c -> StorefrontDetails.forPage(c, product, null)).categoryName());
    // Another shop's product and category read nothing.
    AdminShop other = new AdminShop();
    StorefrontDetails.PageDetails foreign =
        other.run(c -> StorefrontDetails.forPage(c, product, category));
    assertEquals(List.of(), foreign.extras().inputFields());
    assertEquals(0, foreign.extras().tiers().size());
    assertEquals(null, foreign.categoryName());
  }
}
