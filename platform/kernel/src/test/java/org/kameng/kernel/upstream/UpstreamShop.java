package org.kameng.kernel.upstream;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.testing.Checkout;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.plugin.api.Money;

/**
 * A shop that sells an UPSTREAM SKU at 12.00 CNY bought for 9.00 from a fake upstream, with the
 * purchase job run by hand so a test decides when (and how often) it runs.
 */
final class UpstreamShop {

  final ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
  final FakeUpstream upstream = new FakeUpstream();
  final UUID configId;
  final UUID skuId;
  final PurchaseUpstream purchase;

  UpstreamShop() {
    var tx = shop.db.transactions();
    UUID[] ids =
        tx.inTenant(
            shop.tenant,
            c -> {
              UUID config =
                  SupplierConfigs.create(
                          c,
                          shop.db.dataKeys().forTenant(c, shop.tenant),
                          "supplier-fake",
                          "Fake upstream",
                          Map.of("baseUrl", "https://up.invalid"),
                          Map.of("secret", "s3cret"),
                          "owner")
                      .id();
              UUID product =
                  Products.create(
                          c, shop.tenant, new ProductDraft(null, "Upstream card", "", "UPSTREAM"))
                      .id();
              UUID sku =
                  Skus.create(
                          c,
                          shop.tenant,
                          product,
                          new SkuDraft("50 points", "12.00", "CNY", null, 1, 100, false, 0))
                      .id();
              UpstreamLinks.link(
                  c,
                  shop.tenant,
                  sku,
                  config,
                  new UpstreamLinks.Item("item-7", "50 points", Money.of(900, "CNY")),
                  "owner");
              return new UUID[] {config, sku};
            });
    configId = ids[0];
    skuId = ids[1];
    purchase =
        new PurchaseUpstream(tx, shop.db.dataKeys(), upstream, Clock.systemUTC(), Duration.ZERO);
  }

  /** A buyer orders {@code quantity} units and pays; returns the order. */
  PlacedOrder paidOrder(int quantity) {
    var tx = shop.db.transactions();
    PlacedOrder order =
        new PlaceOrder(tx).place(shop.tenant, OrderRequest.of(skuId, quantity, "buyer@example.cn"));
    UUID payment =
        tx.inTenant(
            shop.tenant,
            c -> StartPayment.start(c, shop.tenant, order.id(), shop.manualChannelId).paymentId());
    new Checkout(order, payment).pay(shop, "evt-" + UUID.randomUUID());
    return order;
  }

  /** The due purchase jobs of this shop, as the runner would claim them (attempt 1). */
  List<Job> dueJobs() {
    return readyJobs(UpstreamPurchases.JOB, true);
  }

  /**
   * This shop's ready jobs of a kind, oldest first, as attempt 1.
   *
   * @param dueOnly only those whose time has come, as the runner claims them
   */
  List<Job> readyJobs(String kind, boolean dueOnly) {
    return shop.db
        .transactions()
        .platform(
            c -> {
              List<Job> jobs = new ArrayList<>();
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT id, payload::text FROM kameng.job WHERE tenant_id = ? AND kind = ?"
                          + " AND status = 'READY'"
                          + (dueOnly ? " AND run_at <= now()" : "")
                          + " ORDER BY id")) {
                select.setObject(1, shop.tenant.value());
                select.setString(2, kind);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    jobs.add(new Job(rs.getLong(1), shop.tenant, kind, rs.getString(2), 1, 10));
                  }
                }
              }
              return jobs;
            });
  }

  /** Runs one job in its own committed transaction and marks it done. */
  void run(Job job) {
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              purchase.handle(c, job);
              return null;
            });
    done(job);
  }

  void done(Job job) {
    shop.db
        .transactions()
        .platform(
            c -> {
              try (PreparedStatement update =
                  c.prepareStatement("UPDATE kameng.job SET status = 'DONE' WHERE id = ?")) {
                update.setLong(1, job.id());
                update.executeUpdate();
              }
              return null;
            });
  }

  /** Runs due purchase jobs until none is due. */
  void runAll() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = dueJobs();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(this::run);
    }
  }

  OrderLookup.BuyerView buyerView(UUID orderId) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> new OrderLookup(shop.db.dataKeys()).byId(c, shop.tenant, orderId, "127.0.0.1"))
        .orElseThrow();
  }

  OrderStatus status(UUID orderId) {
    return buyerView(orderId).status();
  }

  long count(String sql) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement select = c.prepareStatement(sql);
                  ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }
}
