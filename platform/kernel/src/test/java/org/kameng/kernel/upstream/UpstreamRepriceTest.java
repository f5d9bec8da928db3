package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.catalog.TierDraft;
import org.kameng.kernel.catalog.WholesaleTiers;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.upstream.UpstreamLinks.Link;
import org.kameng.kernel.upstream.UpstreamLinks.Pricing;
import org.kameng.kernel.upstream.UpstreamSyncs.ClosedReason;
import org.kameng.kernel.upstream.UpstreamSyncs.RepricedSku;
import org.kameng.kernel.upstream.UpstreamSyncs.SyncState;
import org.kameng.plugin.api.Money;

/**
 * Re-pricing by the stored pricing rule: the SKU of {@link UpstreamShop} (12.00, bought upstream as
 * item-7 for 9.00, linked without a rule, so a fixed price) given a markup follows the upstream's
 * cost instead of being closed, never below its floor (cost plus margin after the platform's fee)
 * nor its wholesale tiers; a fixed price, including one staff typed over a markup, is still closed
 * when the cost rises above it.
 */
class UpstreamRepriceTest {

  private final UpstreamShop s = new UpstreamShop();
  private final UpstreamSyncFixture sync = new UpstreamSyncFixture(s);

  @Test
  void aLinkWithoutARuleIsAFixedPriceAtTheSkusPrice() {
    Link link = link();
    assertEquals("FIXED_PRICE", link.markupKind());
    assertEquals("12.00", link.markupValue());
    assertEquals(Money.of(0, "CNY"), link.floorMargin());
  }

  @Test
  void aMarkupSkuFollowsTheUpstreamCostInsteadOfClosing() {
    setPricing("PERCENT", "20", null);
    assertEquals(1080, sync.price(), "priced at once from the recorded cost 9.00");
    assertEquals(1, sync.audits("upstream.pricing"));

    // The cost rises above the old local price: re-priced, still on sale, nothing closed.
    sync.sells("12.50", 40);
    sync.syncNow();
    assertEquals(1500, sync.price());
    assertTrue(sync.visible());
    assertEquals(1250, sync.linkCost(), "the new cost is the purchase limit");
    assertEquals(1250, s.count("SELECT cost_minor FROM kameng.sku WHERE id = '" + s.skuId + "'"));
    SyncState state = sync.state();
    assertEquals(1, state.repriced());
    assertEquals(0, state.closed());
    assertTrue(state.lastResult().contains("repriced 1"), state.lastResult());
    assertEquals(
        List.of(
            new RepricedSku(
                s.skuId,
                "50 points",
                Money.of(1080, "CNY"),
                Money.of(1500, "CNY"),
                Money.of(1250, "CNY"))),
        state.repricedSkus());
    assertEquals(1, sync.audits(SyncUpstream.REPRICED_ACTION));
    assertEquals(0, sync.audits(SyncUpstream.CLOSED_ACTION));

    // It follows a fall too.
    sync.sells("8.00", 40);
    sync.syncNow();
    assertEquals(960, sync.price());

    // An unchanged cost changes nothing and lists nothing.
    sync.syncNow();
    assertEquals(960, sync.price());
    assertEquals(0, sync.state().repriced());
    assertEquals(List.of(), sync.state().repricedSkus());
    assertEquals(2, sync.audits(SyncUpstream.REPRICED_ACTION));
  }

  @Test
  void aSoldOutMarkupSkuIsStillClosedAndReopened() {
    setPricing("FIXED", "1.00", null);
    sync.sells("9.50", 0);
    sync.syncNow();
    assertEquals(ClosedReason.UPSTREAM_SOLD_OUT, sync.state().closedSkus().get(0).reason());
    assertEquals(1050, sync.price(), "priced from the cost even while closed");
    sync.sells("9.50", 3);
    sync.syncNow();
    assertTrue(sync.visible());
  }

  @Test
  void theFloorKeepsTheMarginAfterThePlatformFee() {
    setPlatformFee(500);
    setPricing("PERCENT", "0", "0.50");
    // 10.00 leaves 9.50 after the 5 % fee; 9.99 would leave 9.49.
    assertEquals(1000, sync.price());

    sync.sells("10.00", 5);
    sync.syncNow();
    long price = sync.price();
    assertEquals(1105, price);
    assertTrue(price - Ledger.platformFee(price, 500) >= 1050);
    assertTrue((price - 1) - Ledger.platformFee(price - 1, 500) < 1050, "the least such price");
  }

  @Test
  void aFixedPriceSkuStillClosesAndAPriceStaffTypeMakesTheLinkAFixedPrice() {
    setPricing("PERCENT", "20", null);
    // A change that leaves the price alone keeps the markup.
    editSku("50 points, renamed", "10.80");
    assertEquals("PERCENT", link().markupKind());

    editSku("50 points, renamed", "11.00");
    assertEquals("FIXED_PRICE", link().markupKind());
    assertEquals("11.00", link().markupValue());

    sync.sells("11.50", 40);
    sync.syncNow();
    assertEquals(1100, sync.price(), "staff's price stands");
    assertEquals(
        ClosedReason.UPSTREAM_PRICE_ABOVE_LOCAL, sync.state().closedSkus().get(0).reason());
    assertEquals(900, sync.linkCost(), "paid orders never buy at a loss");
    assertEquals(0, sync.state().repriced());

    // Staff put a markup back: priced from the recorded cost, and the next run reopens it.
    setPricing("FIXED", "1.00", null);
    assertEquals(1000, sync.price());
    sync.syncNow();
    assertEquals(1250, sync.price());
    assertTrue(sync.visible());
  }

  @Test
  void aBadPricingNamesTheFieldAndChangesNothing() {
    // The shop pays a 2.5 % platform fee: 9.23 is the least price that leaves the cost 9.00.
    InvalidSupplierException belowFloor =
        assertThrows(InvalidSupplierException.class, () -> setPricing("FIXED_PRICE", "9.22", null));
    assertEquals("markupValue", belowFloor.faults().get(0).field());
    assertTrue(belowFloor.getMessage().contains("9.23"), belowFloor.getMessage());
    assertEquals(
        "markupValue",
        assertThrows(
                InvalidSupplierException.class, () -> setPricing("FIXED_PRICE", "9.23", "0.01"))
            .faults()
            .get(0)
            .field());
    assertEquals(
        "floorMargin",
        assertThrows(InvalidSupplierException.class, () -> setPricing("PERCENT", "10", "-1"))
            .faults()
            .get(0)
            .field());
    assertEquals(
        "markupKind",
        assertThrows(InvalidSupplierException.class, () -> setPricing("HALF", "10", null))
            .faults()
            .get(0)
            .field());
    assertEquals(1200, sync.price());
    assertEquals("FIXED_PRICE", link().markupKind());
    assertEquals("12.00", link().markupValue());
    assertEquals(0, sync.audits("upstream.pricing"));

    // A fixed price at the floor is fine.
    setPricing("FIXED_PRICE", "9.23", null);
    assertEquals(923, sync.price());
  }

  @Test
  void aRepricedSkuNeverFallsBelowItsWholesaleTiers() {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                WholesaleTiers.replace(
                    c, s.shop.tenant, s.skuId, List.of(new TierDraft(10, "10.50"))));
    setPricing("PERCENT", "20", null);
    assertEquals(1080, sync.price());
    sync.sells("5.00", 40);
    sync.syncNow();
    assertEquals(1050, sync.price(), "6.00 by the markup, held at the tier price");
  }

  @Test
  void anImportStoresItsRuleAndTheSyncRepricesByIt() {
    UpstreamLinks.Imported imported =
        importItem(
            new UpstreamLinks.Item("item-9", "100 points", Money.of(1800, "CNY")),
            new Pricing(Markup.parse("FIXED", "1.50", "CNY"), 20));
    assertEquals(Money.of(1950, "CNY"), imported.price());
    Link link =
        s.shop
            .db
            .transactions()
            .inTenant(s.shop.tenant, c -> UpstreamLinks.find(c, imported.skuId()))
            .orElseThrow();
    assertEquals("FIXED", link.markupKind());
    assertEquals("1.50", link.markupValue());
    assertEquals(Money.of(20, "CNY"), link.floorMargin());

    sync.catalogue.clear();
    sync.catalogue.add(UpstreamSyncFixture.item("item-7", "9.00", 5));
    sync.catalogue.add(UpstreamSyncFixture.item("item-9", "20.00", 5));
    sync.syncNow();
    assertEquals(
        2150, s.count("SELECT price_minor FROM kameng.sku WHERE id = '" + imported.skuId() + "'"));
    assertEquals(1200, sync.price(), "the fixed-price SKU beside it is left alone");

    // A fixed price below the floor is raised to it at import, and stored as that price.
    UpstreamLinks.Imported raised =
        importItem(
            new UpstreamLinks.Item("item-9", "100 points", Money.of(2000, "CNY")),
            new Pricing(Markup.parse("FIXED_PRICE", "5.00", "CNY"), 0));
    assertEquals(Money.of(2051, "CNY"), raised.price(), "20.00 after the 2.5 % fee");
    assertEquals(
        "20.51",
        s.shop
            .db
            .transactions()
            .inTenant(s.shop.tenant, c -> UpstreamLinks.find(c, raised.skuId()))
            .orElseThrow()
            .markupValue());
  }

  @Test
  void aPriceStaffTypeWhileASyncRunsIsNeverOverwrittenByIt() throws Exception {
    setPricing("PERCENT", "20", null);
    sync.sells("10.00", 40);
    CountDownLatch edited = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // Staff's edit holds the SKU's row, uncommitted, while a sync run starts.
      Future<?> staff =
          pool.submit(
              () ->
                  s.shop
                      .db
                      .transactions()
                      .inTenant(
                          s.shop.tenant,
                          c -> {
                            Skus.update(
                                c,
                                s.shop.tenant,
                                s.skuId,
                                new SkuDraft("50 points", "11.11", "CNY", null, 1, 100, false, 0));
                            edited.countDown();
                            try {
                              release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                              throw new IllegalStateException(e);
                            }
                            return null;
                          }));
      assertTrue(edited.await(30, TimeUnit.SECONDS));
      Future<?> run = pool.submit(sync::syncNow);
      Thread.sleep(300); // the run is now waiting for the SKU's row
      release.countDown();
      staff.get(30, TimeUnit.SECONDS);
      run.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1111, sync.price(), "the sync saw the fixed price staff typed, not the old markup");
    assertEquals("FIXED_PRICE", link().markupKind());
    assertEquals(0, sync.audits(SyncUpstream.REPRICED_ACTION));
  }

  // --- helpers

  private void setPricing(String kind, String value, String floorMargin) {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                UpstreamLinks.setPricing(
                    c,
                    s.shop.tenant,
                    s.skuId,
                    new Pricing(
                        Markup.parse(kind, value, "CNY"),
                        Pricing.parseFloorMargin(floorMargin, "CNY")),
                    "owner"));
  }

  private void editSku(String name, String price) {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                Skus.update(
                    c,
                    s.shop.tenant,
                    s.skuId,
                    new SkuDraft(name, price, "CNY", null, 1, 100, false, 0)));
  }

  private void setPlatformFee(int bps) {
    s.shop
        .db
        .transactions()
        .platform(
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE kameng.tenant SET platform_fee_bps = ? WHERE id = ?")) {
                update.setInt(1, bps);
                update.setObject(2, s.shop.tenant.value());
                return update.executeUpdate();
              }
            });
  }

  private Link link() {
    return s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamLinks.find(c, s.skuId))
        .orElseThrow();
  }

  private UpstreamLinks.Imported importItem(UpstreamLinks.Item item, Pricing pricing) {
    return s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                UpstreamLinks.importItem(
                    c, s.shop.tenant, s.configId, item, pricing, null, "owner"));
  }
}
