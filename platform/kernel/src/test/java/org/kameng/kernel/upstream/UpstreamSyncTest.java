package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.upstream.UpstreamSyncs.ClosedReason;
import org.kameng.kernel.upstream.UpstreamSyncs.SyncState;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamStock;

/**
 * The price and stock sync: a SKU sold at 12.00 and bought upstream as item-7 (cost 9.00) is closed
 * when the upstream sells out, drops the item or charges more than 12.00, reopened when that is
 * over, never reopened when staff hid it, and left alone when the upstream cannot be reached. Runs
 * are one chain of jobs per configuration that never forks.
 */
class UpstreamSyncTest {

  private final UpstreamShop s = new UpstreamShop();
  private final UpstreamSyncFixture sync = new UpstreamSyncFixture(s);

  private static UpstreamStock exact(long n) {
    return new UpstreamStock.Exact(n);
  }

  @Test
  void aSellOutClosesTheSkuWithAnAlertAndItsReturnReopensIt() {
    addWebhook();
    sync.sells("9.00", exact(0));
    sync.syncNow();

    assertFalse(sync.visible(), "off sale");
    SyncState state = sync.state();
    assertEquals(ClosedReason.UPSTREAM_SOLD_OUT, state.closedSkus().get(0).reason());
    assertEquals(1, state.closed());
    assertTrue(state.lastOk());
    assertEquals(1, sync.audits("upstream.sync-closed"));
    assertEquals(List.of("UPSTREAM_CLOSED"), notificationEvents());
    // The storefront's checkout refuses it.
    assertThrows(
        RuntimeException.class,
        () ->
            new PlaceOrder(s.shop.db.transactions())
                .place(s.shop.tenant, OrderRequest.of(s.skuId, 1, "buyer@example.cn")));

    // Still sold out on the next run: no second alert, nothing changes.
    sync.syncNow();
    assertEquals(1, sync.audits("upstream.sync-closed"));

    sync.sells("9.50", new UpstreamStock.Banded(UpstreamStock.Band.PLENTY));
    sync.syncNow();
    assertTrue(sync.visible(), "back on sale");
    assertEquals(List.of(), sync.state().closedSkus());
    assertEquals(1, sync.state().reopened());
    assertEquals(950, sync.linkCost(), "the new cost is the purchase limit");
    assertEquals(1, sync.audits("upstream.sync-reopened"));
  }

  @Test
  void aSkuStaffHidIsNeverReopenedByTheSync() {
    // Staff hid it first: a sell-out and a recovery leave it hidden, and raise nothing.
    setVisibleAsStaff(false);
    sync.sells("9.00", exact(0));
    sync.syncNow();
    sync.sells("9.00", exact(10));
    sync.syncNow();
    assertFalse(sync.visible());
    assertEquals(0, sync.state().closed() + sync.state().reopened());

    // The sync closed it, then staff hid it themselves: their choice stands.
    setVisibleAsStaff(true);
    sync.sells("9.00", exact(0));
    sync.syncNow();
    assertFalse(sync.visible());
    setVisibleAsStaff(false);
    sync.sells("9.00", exact(10));
    sync.syncNow();
    assertFalse(sync.visible(), "staff hid it after the sync closed it");
    assertEquals(List.of(), sync.state().closedSkus());
  }

  @Test
  void anItemTheUpstreamNoLongerListsIsClosed() {
    sync.catalogue.clear();
    sync.catalogue.add(
        new UpstreamItem("item-8", "other", Money.of(100, "CNY"), exact(5), List.of()));
    sync.syncNow();
    assertFalse(sync.visible());
    assertEquals(ClosedReason.UPSTREAM_ITEM_GONE, sync.state().closedSkus().get(0).reason());
  }

  @Test
  void aPriceAboveTheLocalPriceClosesWithoutRaisingThePurchaseLimit() {
    sync.sells("12.01", exact(50));
    sync.syncNow();
    assertFalse(sync.visible());
    assertEquals(
        ClosedReason.UPSTREAM_PRICE_ABOVE_LOCAL, sync.state().closedSkus().get(0).reason());
    assertEquals(900, sync.linkCost(), "paid orders never buy at a loss");

    sync.sells("12.00", exact(50));
    sync.syncNow();
    assertTrue(sync.visible(), "at the local price: the floor is the cost, no loss");
    assertEquals(1200, sync.linkCost());
  }

  @Test
  void anUnreachableUpstreamClosesNothingAndTheNextRunIsStillScheduled() {
    sync.unreachable = true;
    Job first = sync.readySyncJobs().get(0);
    sync.handle(first);
    s.done(first);
    assertTrue(sync.visible());
    assertFalse(sync.state().lastOk());
    assertTrue(sync.state().lastResult().contains("connect timed out"), sync.state().lastResult());
    assertEquals(1, sync.readySyncJobs().size(), "the chain goes on");
  }

  @Test
  void theChainNeverForksAcrossInstancesOrRetries() {
    sync.sells("9.00", exact(3));
    // Linking again (or another instance linking) schedules nothing more.
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              UpstreamSyncs.ensureScheduled(c, s.shop.tenant, s.configId, Duration.ZERO);
              return null;
            });
    assertEquals(1, sync.readySyncJobs().size());
    Job first = sync.readySyncJobs().get(0);
    // Run 1 runs twice (its first completion was lost): one run 2, not two.
    for (int i = 0; i < 2; i++) {
      sync.handle(first);
    }
    s.done(first);
    List<Job> ready = sync.readySyncJobs();
    assertEquals(1, ready.size(), ready.toString());
    assertTrue(ready.get(0).payload().matches(".*\"run\"\\s*:\\s*2.*"), ready.get(0).payload());
    // A staff-requested run schedules nothing; a second request while it waits is absorbed.
    assertTrue(sync.requestNow());
    assertFalse(sync.requestNow());
    assertEquals(2, sync.readySyncJobs().size());
  }

  @Test
  void aConfigurationWithNothingLinkedStopsSyncingUntilSomethingIsLinkedAgain() {
    sync.sells("9.00", exact(3));
    s.count(
        "WITH gone AS (DELETE FROM kameng.upstream_link RETURNING 1) SELECT count(*) FROM gone");
    Job first = sync.readySyncJobs().get(0);
    sync.handle(first);
    s.done(first);
    assertEquals(0, sync.readySyncJobs().size(), "the chain ended");

    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                UpstreamLinks.link(
                    c,
                    s.shop.tenant,
                    s.skuId,
                    s.configId,
                    new UpstreamLinks.Item("item-7", "50 points", Money.of(900, "CNY")),
                    "owner"));
    assertEquals(1, sync.readySyncJobs().size(), "a new chain");
  }

  // --- helpers

  private void setVisibleAsStaff(boolean visible) {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              Skus.setVisible(c, s.shop.tenant, s.skuId, visible);
              return null;
            });
  }

  private void addWebhook() {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c ->
                PluginConfigs.create(
                    c,
                    s.shop.db.dataKeys().forTenant(c, s.shop.tenant),
                    PluginConfigs.NOTIFIER,
                    "notifier-webhook",
                    "hook",
                    Map.of("url", "https://hooks.example/"),
                    Map.of("signingSecret", "x".repeat(40)),
                    "owner"));
  }

  private List<String> notificationEvents() {
    return s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              List<String> found = new ArrayList<>();
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT payload ->> 'event' FROM kameng.job WHERE kind = ? ORDER BY id")) {
                select.setString(1, Notifications.JOB);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    found.add(rs.getString(1));
                  }
                }
              }
              return found;
            });
  }
}
