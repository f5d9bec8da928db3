package org.kameng.kernel.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.kameng.kernel.catalog.StorefrontCatalog;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopSignup;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * Issue 5's scale bar at the kernel: sign-up and storefront latency with 10 shops and again with
 * 10,000 (goal: within 10 %). Every shop is made through the kernel's own use cases (category,
 * product, SKU, sealed card keys), so the tables, indexes and row-level-security policies hold what
 * 10,000 real shops would put there.
 *
 * <p>Sign-up is the kernel's part ({@link ShopSignup#open}: the tenant row and its manual channel);
 * Keycloak's part is Keycloak's. The storefront is what the shop page reads: the shop by its slug,
 * then its catalog with stock, in the shop's transaction.
 *
 * <p>Run with {@code ./kameng bench tenants}; arguments: shops in the large phase (10000), keys per
 * shop (10), storefront threads (4).
 */
public final class TenantsBenchmark {

  private TenantsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int large = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int keysPerShop = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    System.out.printf(
        "tenants benchmark: 10 then %,d shops, %d keys each, %d storefront threads%n",
        large, keysPerShop, threads);

    List<String> slugs = new ArrayList<>();
    addShops(10, keysPerShop, threads, slugs);
    Transactions tx = TestDatabase.get().transactions();
    measure("10 shops", slugs, tx, threads);

    long started = System.nanoTime();
    addShops(large - slugs.size(), keysPerShop, threads, slugs);
    System.out.printf(
        "made %,d shops in %.0f s%n", slugs.size(), (System.nanoTime() - started) / 1e9);
    try (var c = TestDatabase.get().ownerDataSource().getConnection();
        var analyze = c.createStatement()) {
      // As autovacuum would by now on a live system: plans for 10,000 shops, not for 10.
      analyze.execute("ANALYZE");
    }
    measure(String.format("%,d shops", slugs.size()), slugs, tx, threads);
  }

  private static void measure(String label, List<String> slugs, Transactions tx, int threads)
      throws Exception {
    // Warm-up, then the measured rounds.
    storefront(slugs, threads, 2_000);
    LatencyRecorder shop = storefront(slugs, threads, 8_000);
    signups(tx, 50);
    LatencyRecorder signup = signups(tx, 300);
    System.out.println(label + " storefront: " + shop.percentiles());
    System.out.println(label + " sign-up   : " + signup.percentiles());
  }

  private static LatencyRecorder storefront(List<String> slugs, int threads, int rounds)
      throws Exception {
    LatencyRecorder latencies = new LatencyRecorder();
    AtomicInteger left = new AtomicInteger(rounds);
    try (ConnectionPerThread connections =
        new ConnectionPerThread(TestDatabase.get().appDataSource())) {
      Transactions pinned = new Transactions(connections);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    String slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
                    long start = System.nanoTime();
                    TenantId tenant = pinned.platform(c -> tenantOf(c, slug));
                    int products =
                        pinned.inTenant(tenant, c -> StorefrontCatalog.products(c).size());
                    if (products != 1) {
                      throw new IllegalStateException(slug + " shows " + products + " products");
                    }
                    latencies.record(System.nanoTime() - start);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }
    return latencies;
  }

  private static TenantId tenantOf(java.sql.Connection c, String slug)
      throws java.sql.SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT id FROM kameng.tenant WHERE slug = ?")) {
      select.setString(1, slug);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return new TenantId(rs.getObject(1, UUID.class));
      }
    }
  }

  private static LatencyRecorder signups(Transactions tx, int count) {
    LatencyRecorder latencies = new LatencyRecorder();
    for (int i = 0; i < count; i++) {
      TenantId tenant = new TenantId(UUID.randomUUID());
      String slug = "s" + tenant.value().toString().replace("-", "").substring(0, 20);
      long start = System.nanoTime();
      tx.inTenant(
          tenant,
          c -> {
            ShopSignup.open(c, tenant, slug, "Bench shop " + slug);
            return null;
          });
      latencies.record(System.nanoTime() - start);
    }
    return latencies;
  }

  private static void addShops(int count, int keys, int threads, List<String> slugs)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<String>> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      made.add(
          pool.submit(
              () -> {
                ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
                shop.addKeys("k" + UUID.randomUUID().toString().substring(0, 8), keys);
                return shop.db.transactions().platform(c -> slugOf(c, shop.tenant));
              }));
    }
    for (Future<String> f : made) {
      slugs.add(f.get());
    }
    pool.shutdown();
  }

  private static String slugOf(java.sql.Connection c, TenantId tenant)
      throws java.sql.SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT slug FROM kameng.tenant WHERE id = ?")) {
      select.setObject(1, tenant.value());
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
