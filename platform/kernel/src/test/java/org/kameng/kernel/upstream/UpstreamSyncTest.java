package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final List<UpstreamItem> upstream = new CopyOnWriteArrayList<>();
  private volatile boolean unreachable;
  private final SyncUpstream sync =
      new SyncUpstream(
          (tenant, config) -> {
            if (unreachable) {
              throw new IOException("connect timed out");
            }
            return List.copyOf(upstream);
          },
          Duration.ofMinutes(10));

  private void upstreamSells(String price, UpstreamStock stock) {
    upstream.clear();
    upstream.add(
        new UpstreamItem("item-7", "50 points", Money.parse(price, "CNY"), stock, List.of()));
  }

  private static UpstreamStock exact(long n) {
    return new UpstreamStock.Exact(n);
  }

  @Test
  void aSellOutClosesTheSkuWithAnAlertAndItsReturnReopensIt() {
    addWebhook();
    upstreamSells("9.00", exact(0));
    syncNow();

    assertFalse(visible(), "off sale");
    SyncState state = state();
    assertEquals(ClosedReason.UPSTREAM_SOLD_OUT, state.closedSkus().get(0).reason());
    assertEquals(1, state.closed());
    assertTrue(state.lastOk());
    assertEquals(
        1, count("SELECT count(*) FROM kameng.audit_log WHERE action = 'upstream.sync-closed'"));
    assertEquals(List.of("UPSTREAM_CLOSED"), notificationEvents());
    // The storefront's checkout refuses it.
    assertThrows(
        RuntimeException.class,
        () ->
            new PlaceOrder(s.shop.db.transactions())
                .place(s.shop.tenant, OrderRequest.of(s.skuId, 1, "buyer@example.cn")));

    // Still sold out on the next run: no second alert, nothing changes.
    syncNow();
    assertEquals(
        1, count("SELECT count(*) FROM kameng.audit_log WHERE action = 'upstream.sync-closed'"));

    upstreamSells("9.50", new UpstreamStock.Banded(UpstreamStock.Band.PLENTY));
    syncNow();
    assertTrue(visible(), "back on sale");
    assertEquals(List.of(), state().closedSkus());
    assertEquals(1, state().reopened());
    assertEquals(950, linkCost(), "the new cost is the purchase limit");
    assertEquals(
        1, count("SELECT count(*) FROM kameng.audit_log WHERE action = 'upstream.sync-reopened'"));
  }

  @Test
  void aSkuStaffHidIsNeverReopenedByTheSync() {
    // Staff hid it first: a sell-out and a recovery leave it hidden, and raise nothing.
    setVisibleAsStaff(false);
    upstreamSells("9.00", exact(0));
    syncNow();
    upstreamSells("9.00", exact(10));
    syncNow();
    assertFalse(visible());
    assertEquals(0, state().closed() + state().reopened());

    // The sync closed it, then staff hid it themselves: their choice stands.
    setVisibleAsStaff(true);
    upstreamSells("9.00", exact(0));
    syncNow();
    assertFalse(visible());
    setVisibleAsStaff(false);
    upstreamSells("9.00", exact(10));
    syncNow();
    assertFalse(visible(), "staff hid it after the sync closed it");
    assertEquals(List.of(), state().closedSkus());
  }

  @Test
  void anItemTheUpstreamNoLongerListsIsClosed() {
    upstream.clear();
    upstream.add(new UpstreamItem("item-8", "other", Money.of(100, "CNY"), exact(5), List.of()));
    syncNow();
    assertFalse(visible());
    assertEquals(ClosedReason.UPSTREAM_ITEM_GONE, state().closedSkus().get(0).reason());
  }

  @Test
  void aPriceAboveTheLocalPriceClosesWithoutRaisingThePurchaseLimit() {
    upstreamSells("12.01", exact(50));
    syncNow();
    assertFalse(visible());
    assertEquals(ClosedReason.UPSTREAM_PRICE_ABOVE_LOCAL, state().closedSkus().get(0).reason());
    assertEquals(900, linkCost(), "paid orders never buy at a loss");

    upstreamSells("12.00", exact(50));
    syncNow();
    assertTrue(visible(), "at the local price: the floor is the cost, no loss");
    assertEquals(1200, linkCost());
  }

  @Test
  void anUnreachableUpstreamClosesNothingAndTheNextRunIsStillScheduled() {
    unreachable = true;
    Job first = readySyncJobs().get(0);
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              sync.handle(c, first);
              return null;
            });
    s.done(first);
    assertTrue(visible());
    assertFalse(state().lastOk());
    assertTrue(state().lastResult().contains("connect timed out"), state().lastResult());
    assertEquals(1, countReadySyncJobs(), "the chain goes on");
  }

  @Test
  void theChainNeverForksAcrossInstancesOrRetries() {
    upstreamSells("9.00", exact(3));
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
    assertEquals(1, countReadySyncJobs());
    Job first = readySyncJobs().get(0);
    // Run 1 runs twice (its first completion was lost): one run 2, not two.
    for (int i = 0; i < 2; i++) {
      s.shop
          .db
          .transactions()
          .inTenant(
              s.shop.tenant,
              c -> {
                sync.handle(c, first);
                return null;
              });
    }
    s.done(first);
    List<Job> ready = readySyncJobs();
    assertEquals(1, ready.size(), ready.toString());
    assertTrue(ready.get(0).payload().matches(".*\"run\"\\s*:\\s*2.*"), ready.get(0).payload());
    // A staff-requested run schedules nothing; a second request while it waits is absorbed.
    assertTrue(requestNow());
    assertFalse(requestNow());
    assertEquals(2, countReadySyncJobs());
  }

  @Test
  void aConfigurationWithNothingLinkedStopsSyncingUntilSomethingIsLinkedAgain() {
    upstreamSells("9.00", exact(3));
    s.count(
        "WITH gone AS (DELETE FROM kameng.upstream_link RETURNING 1) SELECT count(*) FROM gone");
    Job first = readySyncJobs().get(0);
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              sync.handle(c, first);
              return null;
            });
    s.done(first);
    assertEquals(0, countReadySyncJobs(), "the chain ended");

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
    assertEquals(1, countReadySyncJobs(), "a new chain");
  }

  // --- helpers

  private void syncNow() {
    requestNow();
    for (Job job : readySyncJobs()) {
      if (job.payload().matches(".*\"run\"\\s*:\\s*0.*")) {
        s.shop
            .db
            .transactions()
            .inTenant(
                s.shop.tenant,
                c -> {
                  sync.handle(c, job);
                  return null;
                });
        s.done(job);
      }
    }
  }

  private boolean requestNow() {
    return s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamSyncs.requestNow(c, s.shop.tenant, s.configId));
  }

  private List<Job> readySyncJobs() {
    return s.shop
        .db
        .transactions()
        .platform(
            c -> {
              List<Job> jobs = new ArrayList<>();
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT id, payload::text FROM kameng.job WHERE tenant_id = ? AND kind = ?"
                          + " AND status = 'READY' ORDER BY id")) {
                select.setObject(1, s.shop.tenant.value());
                select.setString(2, UpstreamSyncs.JOB);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    jobs.add(
                        new Job(
                            rs.getLong(1),
                            s.shop.tenant,
                            UpstreamSyncs.JOB,
                            rs.getString(2),
                            1,
                            10));
                  }
                }
              }
              return jobs;
            });
  }

  private int countReadySyncJobs() {
    return readySyncJobs().size();
  }

  private SyncState state() {
    return s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamSyncs.find(c, s.configId))
        .orElseThrow();
  }

  private boolean visible() {
    return count("SELECT count(*) FROM kameng.sku WHERE visible AND id = '" + s.skuId + "'") == 1;
  }

  private long linkCost() {
    return count("SELECT cost_minor FROM kameng.upstream_link WHERE sku_id = '" + s.skuId + "'");
  }

  private long count(String sql) {
    return s.count(sql);
  }

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
