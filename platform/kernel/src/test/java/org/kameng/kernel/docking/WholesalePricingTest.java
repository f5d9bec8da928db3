package org.kameng.kernel.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.order.UnitPriceRule;
import org.kameng.plugin.api.Money;

/** Wholesale prices: percent or fixed off retail, never above retail, never below cost. */
class WholesalePricingTest {

  private static final Money RETAIL = Money.of(1000, "CNY");

  @Test
  void percentOffRoundsHalfUpToTheMinorUnit() {
    UnitPriceRule.RuledPrice p =
        Discount.parse("PERCENT_OFF", "12.55", "CNY").apply(RETAIL, null, "level-1");
    assertEquals(Money.of(874, "CNY"), p.unitPrice()); // 125.5 off rounds to 126
    assertEquals("wholesale:level-1:percent_off:1255", p.rule());
  }

  @Test
  void fixedOffTakesTheAmountOffEachUnit() {
    assertEquals(
        Money.of(700, "CNY"),
        Discount.parse("FIXED_OFF", "3.00", "CNY").apply(RETAIL, null, "reseller").unitPrice());
  }

  @Test
  void theCostIsAFloor() {
    UnitPriceRule.RuledPrice p =
        Discount.parse("PERCENT_OFF", "50", "CNY").apply(RETAIL, 900L, "reseller");
    assertEquals(Money.of(900, "CNY"), p.unitPrice());
    assertEquals("wholesale:reseller:percent_off:5000:floor-cost", p.rule());
    assertEquals(
        Money.of(0, "CNY"),
        Discount.parse("FIXED_OFF", "20.00", "CNY").apply(RETAIL, null, "reseller").unitPrice());
  }

  @Test
  void aCostAboveRetailNeverRaisesThePriceAboveRetail() {
    assertEquals(
        RETAIL,
        Discount.parse("PERCENT_OFF", "10", "CNY").apply(RETAIL, 1200L, "reseller").unitPrice());
  }

  @Test
  void badDiscountsNameTheField() {
    for (List<String> bad :
        List.of(
            List.of("HALF_OFF", "1"),
            List.of("PERCENT_OFF", "101"),
            List.of("PERCENT_OFF", "-1"),
            List.of("PERCENT_OFF", "1.234"),
            List.of("FIXED_OFF", "-1.00"),
            List.of("FIXED_OFF", "abc"))) {
      InvalidDockingException e =
          assertThrows(
              InvalidDockingException.class,
              () -> Discount.parse(bad.get(0), bad.get(1), "CNY"),
              bad.toString());
      assertEquals(bad.get(0).equals("HALF_OFF") ? "discountKind" : "discountValue", e.field());
    }
  }

  @Test
  void aResellersOwnDiscountBeatsItsLevelsAndTheOrderRecordsWhichRuleApplied() {
    Downstream d = Downstream.of(1000, 5, null, null);
    d.topUp("100.00");
    var tx = d.shop.db.transactions();
    tx.inTenant(
        d.shop.tenant,
        c -> DownstreamResellers.setLevelRule(c, d.shop.tenant, 1, "PERCENT_OFF", "10", "owner"));
    List<ResellerCatalogue.Item> byLevel =
        tx.inTenant(d.shop.tenant, c -> ResellerCatalogue.items(c, d.resellerId));
    assertEquals(Money.of(900, "CNY"), byLevel.get(0).price());
    assertEquals(RETAIL, byLevel.get(0).retailPrice());

    tx.inTenant(
        d.shop.tenant,
        c ->
            DownstreamResellers.update(
                c,
                d.shop.tenant,
                d.resellerId,
                new DownstreamResellers.ResellerDraft(
                    "Downstream shop", 1, "FIXED_OFF", "2.50", null, null),
                "owner"));
    d.placing(tx).place(d.shop.tenant, d.resellerId, d.request("priced", 2));

    assertEquals(10_000 - 1500, d.balance(), "two units at 7.50");
    assertEquals(
        750, d.count("SELECT unit_price_minor FROM kameng.order_line"), "the line's unit price");
    assertEquals(
        1,
        d.count(
            "SELECT count(*) FROM kameng.order_line"
                + " WHERE price_snapshot->>'rule' = 'wholesale:reseller:fixed_off:250'"));
  }

  @Test
  void theCatalogueListsTheBuyerInputsAndAnOrderMustFillThem() {
    Downstream d = Downstream.of(1000, 2, null, null);
    d.topUp("100.00");
    var tx = d.shop.db.transactions();
    tx.inTenant(
        d.shop.tenant,
        c ->
            org.kameng.kernel.catalog.InputFields.replace(
                c,
                d.shop.tenant,
                d.shop.productId,
                List.of(
                    new org.kameng.kernel.catalog.InputFieldDraft(
                        "account", "Game account", "[0-9]{5,12}", true))));

    ResellerCatalogue.Item item =
        tx.inTenant(d.shop.tenant, c -> ResellerCatalogue.items(c, d.resellerId)).get(0);
    assertEquals(
        List.of(new ResellerCatalogue.Input("account", "Game account", "[0-9]{5,12}", true)),
        item.inputs());

    org.kameng.kernel.order.InvalidOrderException missing =
        assertThrows(
            org.kameng.kernel.order.InvalidOrderException.class,
            () -> d.placing(tx).place(d.shop.tenant, d.resellerId, d.request("no-account", 1)));
    assertEquals("inputs.account", missing.field());
    assertEquals(10_000, d.balance(), "nothing drawn");
    d.placing(tx)
        .place(
            d.shop.tenant,
            d.resellerId,
            new PlaceResellerOrder.ResellerOrderRequest(
                "with-account", d.shop.skuId, 1, java.util.Map.of("account", "123456"), null));
    assertEquals(9_000, d.balance());
  }

  @Test
  void stockIsBandedUnlessTheShopShowsItExactly() {
    Downstream d = Downstream.of(1000, 5, null, null);
    var tx = d.shop.db.transactions();
    ResellerCatalogue.Item banded =
        tx.inTenant(d.shop.tenant, c -> ResellerCatalogue.items(c, d.resellerId)).get(0);
    assertEquals("LOW", banded.stockBand());
    assertEquals(null, banded.stock());

    tx.inTenant(d.shop.tenant, c -> ResellerCatalogue.setStockDisplay(c, "EXACT"));
    ResellerCatalogue.Item exact =
        tx.inTenant(d.shop.tenant, c -> ResellerCatalogue.items(c, d.resellerId)).get(0);
    assertEquals(5, exact.stock());
  }
}
