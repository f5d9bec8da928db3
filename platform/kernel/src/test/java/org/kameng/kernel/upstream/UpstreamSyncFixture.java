package org.kameng.kernel.upstream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.upstream.UpstreamSyncs.SyncState;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamStock;

/**
 * The sync side of an {@link UpstreamShop}: an upstream catalogue a test sets (or makes
 * unreachable), the {@link SyncUpstream} reading it, sync jobs run by hand, and the SKU's state as
 * the sync leaves it.
 */
final class UpstreamSyncFixture {

  final UpstreamShop s;
  final List<UpstreamItem> catalogue = new CopyOnWriteArrayList<>();
  volatile boolean unreachable;
  final SyncUpstream sync =
      new SyncUpstream(
          (tenant, config) -> {
            if (unreachable) {
              throw new IOException("connect timed out");
            }
            return List.copyOf(catalogue);
          },
          Duration.ofMinutes(10));

  UpstreamSyncFixture(UpstreamShop s) {
    this.s = s;
  }

  static UpstreamItem item(String id, String price, long stock) {
    return new UpstreamItem(
        id, id, Money.parse(price, "CNY"), new UpstreamStock.Exact(stock), List.of());
  }

  /** The upstream now lists only item-7, the shop's linked item, at this price and stock. */
  void sells(String price, UpstreamStock stock) {
    catalogue.clear();
    catalogue.add(
        new UpstreamItem("item-7", "50 points", Money.parse(price, "CNY"), stock, List.of()));
  }

  void sells(String price, long stock) {
    sells(price, new UpstreamStock.Exact(stock));
  }

  /** A staff-requested run, run at once. */
  void syncNow() {
    requestNow();
    for (Job job : readySyncJobs()) {
      if (job.payload().matches(".*\"run\"\\s*:\\s*0.*")) {
        handle(job);
        s.done(job);
      }
    }
  }

  /** Runs the job without marking it done, as an instance that dies before its commit would. */
  void handle(Job job) {
    s.shop
        .db
        .transactions()
        .inTenant(
            s.shop.tenant,
            c -> {
              sync.handle(c, job);
              return null;
            });
  }

  boolean requestNow() {
    return s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamSyncs.requestNow(c, s.shop.tenant, s.configId));
  }

  List<Job> readySyncJobs() {
    return s.readyJobs(UpstreamSyncs.JOB, false);
  }

  SyncState state() {
    return s.shop
        .db
        .transactions()
        .inTenant(s.shop.tenant, c -> UpstreamSyncs.find(c, s.configId))
        .orElseThrow();
  }

  long price() {
    return s.count("SELECT price_minor FROM kameng.sku WHERE id = '" + s.skuId + "'");
  }

  boolean visible() {
    return s.count("SELECT count(*) FROM kameng.sku WHERE visible AND id = '" + s.skuId + "'") == 1;
  }

  long linkCost() {
    return s.count("SELECT cost_minor FROM kameng.upstream_link WHERE sku_id = '" + s.skuId + "'");
  }

  long audits(String action) {
    return s.count("SELECT count(*) FROM kameng.audit_log WHERE action = '" + action + "'");
  }
}
