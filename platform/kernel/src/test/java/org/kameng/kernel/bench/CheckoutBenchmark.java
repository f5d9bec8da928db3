package org.kameng.kernel.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.PaymentNotice;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.Money;

/**
 * P1 at the kernel: full checkout flows (place order with key reservation, open payment, a verified
 * notify, delivery) against the raw-SQL ceiling (insert an order, claim one key with SKIP LOCKED,
 * record the delivery) on the same database, the same threads, in the same run.
 *
 * <p>Run with {@code ./kameng bench checkout}; arguments: threads, seconds per phase.
 */
public final class CheckoutBenchmark {

  private CheckoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int keys = Math.max(50_000, threads * seconds * 1_500);
    System.out.printf(
        "checkout benchmark: %d threads, %d s per phase, %,d keys%n", threads, seconds, keys);

    ShopFixture ceilingShop = ShopFixture.withCardKeyProduct(1000);
    ShopFixture twoStepShop = ShopFixture.withCardKeyProduct(1000);
    ShopFixture kernelShop = ShopFixture.withCardKeyProduct(1000);
    System.out.println("stocking keys ...");
    stock(ceilingShop, keys);
    stock(twoStepShop, keys);
    stock(kernelShop, keys);

    RoundTrips trips = new RoundTrips(ceilingShop.db.appDataSource());
    CpuTime cpu = CpuTime.of(ceilingShop.db.appDataSource());
    try (ConnectionPerThread connections = new ConnectionPerThread(trips)) {
      Transactions tx = new Transactions(connections);
      System.out.println("warm-up ...");
      run(threads, 3, () -> rawCheckout(tx, ceilingShop));
      run(threads, 3, () -> rawTwoStepCheckout(tx, twoStepShop));
      run(threads, 3, () -> kernelCheckout(tx, kernelShop));

      System.out.println("round trips of one flow:");
      trace(trips, "raw SQL, 1 transaction", () -> rawCheckout(tx, ceilingShop));
      trace(trips, "raw SQL, 2 transactions", () -> rawTwoStepCheckout(tx, twoStepShop));
      trace(trips, "kernel checkout", () -> kernelCheckout(tx, kernelShop));

      Phase ceiling =
          measure(
              "raw SQL, 1 transaction  ",
              timed(trips, cpu, threads, seconds, () -> rawCheckout(tx, ceilingShop)),
              seconds);
      Phase twoStep =
          measure(
              "raw SQL, 2 transactions ",
              timed(trips, cpu, threads, seconds, () -> rawTwoStepCheckout(tx, twoStepShop)),
              seconds);
      Phase kernel =
          measure(
              "kernel checkout         ",
              timed(trips, cpu, threads, seconds, () -> kernelCheckout(tx, kernelShop)),
              seconds);
      System.out.printf(
          "kernel / 1-transaction ceiling: %.0f %%%n", 100.0 * kernel.rate() / ceiling.rate());
      System.out.printf(
          "kernel / 2-transaction ceiling: %.0f %%%n", 100.0 * kernel.rate() / twoStep.rate());
      System.out.println("load average after: " + loadAverage());
    }
  }

  /** A measured phase: its flows/s. */
  record Phase(double rate) {}

  static Phase measure(String name, Measured measured, int seconds) {
    LatencyRecorder recorder = measured.recorder();
    long flows = recorder.count();
    System.out.printf(
        "%s: %s%n    %.1f round trips per flow; %s; load average before %s%n",
        name,
        recorder.summary(seconds),
        (double) (measured.tripsAfter() - measured.tripsBefore()) / flows,
        measured.cpuBefore().perFlow(measured.cpuAfter(), flows, "benchmark JVM"),
        measured.loadBefore());
    if (measured.statementsBefore() != null) {
      measured.statementsAfter().printSince(measured.statementsBefore(), flows, 20);
    }
    return new Phase(recorder.rate(seconds));
  }

  private static void trace(RoundTrips trips, String name, Flow flow) throws Exception {
    trips.trace();
    flow.run();
    List<String> done = trips.traced();
    System.out.printf("  %s: %d%n", name, done.size());
    for (String statement : done) {
      System.out.println(
          "    " + (statement.length() > 150 ? statement.substring(0, 150) + " ..." : statement));
    }
  }

  static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  interface Flow {
    void run() throws Exception;
  }

  /** A phase's latencies with the round-trip count, CPU and load around it. */
  record Measured(
      LatencyRecorder recorder,
      long tripsBefore,
      long tripsAfter,
      CpuTime.Reading cpuBefore,
      CpuTime.Reading cpuAfter,
      String loadBefore,
      StatementStats statementsBefore,
      StatementStats statementsAfter) {}

  /**
   * Runs a measured phase. With {@code pg_stat_statements} installed ({@code
   * KAMENG_BENCH_STATEMENTS=1 ./kameng bench checkout}) it also reads PostgreSQL's own figures per
   * statement, execution and planning time; read outside the CPU readings, so they cost the phase
   * nothing but the extension's own bookkeeping.
   */
  static Measured timed(RoundTrips trips, CpuTime cpu, int threads, int seconds, Flow flow)
      throws Exception {
    vacuum();
    DataSource app = TestDatabase.get().appDataSource();
    StatementStats statementsBefore = StatementStats.readIfLoaded(app);
    String load = loadAverage();
    long tripsBefore = trips.count();
    CpuTime.Reading cpuBefore = cpu.read();
    LatencyRecorder recorder = run(threads, seconds, flow);
    long tripsAfter = trips.count();
    CpuTime.Reading cpuAfter = cpu.read();
    StatementStats statementsAfter = statementsBefore == null ? null : StatementStats.read(app);
    return new Measured(
        recorder,
        tripsBefore,
        tripsAfter,
        cpuBefore,
        cpuAfter,
        load,
        statementsBefore,
        statementsAfter);
  }

  /**
   * Every phase starts on vacuumed tables: the phases before it leave dead rows that autovacuum
   * would otherwise clean up (and bill to the database's CPU) during the next phase, which would
   * always be the kernel's. As the owner role, which owns the tables.
   */
  static void vacuum() throws SQLException {
    try (Connection c = TestDatabase.get().ownerDataSource().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
    }
  }

  // One set of worker threads for the whole run. Each thread keeps its connection
  // (ConnectionPerThread), so a measured phase runs on the connections its warm-up used, with
  // its statements already prepared and planned on the server, as in a server's long-lived pool.
  // (With new threads for every phase, each phase measured its connections' first executions of
  // every statement, parsed and planned anew: the larger the statement, the dearer.)
  private static ExecutorService workers;

  private static synchronized ExecutorService workers(int threads) {
    if (workers == null || workers.isShutdown()) {
      workers =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread thread = new Thread(task, "bench-worker");
                thread.setDaemon(true); // the run ends when main does
                return thread;
              });
    }
    return workers;
  }

  static LatencyRecorder run(int threads, int seconds, Flow flow) throws Exception {
    LatencyRecorder recorder = new LatencyRecorder();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = workers(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                  long start = System.nanoTime();
                  flow.run();
                  recorder.record(System.nanoTime() - start);
                }
                return null;
              }));
    }
    try {
      for (Future<?> worker : running) {
        worker.get();
      }
    } catch (ExecutionException | InterruptedException e) {
      // A failed flow ends the run: the other workers must not keep the JVM (and the run's
      // server and database) alive.
      pool.shutdownNow();
      throw e;
    }
    return recorder;
  }

  /** The whole buyer flow through the kernel's use cases: two transactions, as over HTTP. */
  private static void kernelCheckout(Transactions tx, ShopFixture shop) {
    PlacedOrder order =
        new PlaceOrder(tx)
            .place(
                shop.tenant,
                OrderRequest.of(shop.skuId, 1, "bench@example.cn"),
                shop.manualChannelId);
    UUID payment = order.paymentId();
    NoticeResult result =
        new RecordPaymentNotice(tx)
            .record(
                shop.tenant,
                shop.manualChannelId,
                payment,
                new PaymentNotice(
                    payment.toString(),
                    "bench-" + payment,
                    PaymentNotice.Outcome.SUCCEEDED,
                    Money.of(1000, "CNY")));
    if (result.kind() != NoticeResult.Kind.ACCEPTED) {
      throw new IllegalStateException(result.toString());
    }
  }

  /** The ceiling: the least SQL that sells one key, in one transaction. */
  static void rawCheckout(Transactions tx, ShopFixture shop) {
    tx.inTenant(
        shop.tenant,
        c -> {
          UUID orderId = UUID.randomUUID();
          insertBareOrder(c, shop, orderId);
          long key = claimOne(c, shop, orderId);
          try (PreparedStatement deliver =
              c.prepareStatement(
                  "INSERT INTO kameng.order_key (tenant_id, order_id, line_number, card_key_id)"
                      + " VALUES (?, ?, 1, ?)")) {
            deliver.setObject(1, shop.tenant.value());
            deliver.setObject(2, orderId);
            deliver.setLong(3, key);
            deliver.executeUpdate();
          }
          return null;
        });
  }

  /**
   * The ceiling with the flow's own shape: the buyer's request and the provider's notify are two
   * requests, so two transactions — order, line and a reserved key; then the order paid, the key
   * sold and delivered — with no checks, snapshot, payment row, job, event id or ledger.
   */
  static void rawTwoStepCheckout(Transactions tx, ShopFixture shop) {
    UUID orderId = UUID.randomUUID();
    long key =
        tx.inTenant(
            shop.tenant,
            c -> {
              insertBareOrder(c, shop, orderId);
              return claim(c, shop, orderId, "RESERVED");
            });
    tx.inTenant(
        shop.tenant,
        c -> {
          try (PreparedStatement paid =
                  c.prepareStatement(
                      "UPDATE kameng.customer_order SET status = 'DELIVERED'"
                          + " WHERE tenant_id = ? AND id = ? AND status = 'PAID'");
              PreparedStatement sold =
                  c.prepareStatement(
                      "UPDATE kameng.card_key SET status = 'SOLD', sold_at = now()"
                          + " WHERE tenant_id = ? AND id = ? AND order_id = ?");
              PreparedStatement deliver =
                  c.prepareStatement(
                      "INSERT INTO kameng.order_key (tenant_id, order_id, line_number,"
                          + " card_key_id) VALUES (?, ?, 1, ?)")) {
            paid.setObject(1, shop.tenant.value());
            paid.setObject(2, orderId);
            paid.executeUpdate();
            sold.setObject(1, shop.tenant.value());
            sold.setLong(2, key);
            sold.setObject(3, orderId);
            sold.executeUpdate();
            deliver.setObject(1, shop.tenant.value());
            deliver.setObject(2, orderId);
            deliver.setLong(3, key);
            deliver.executeUpdate();
          }
          return null;
        });
  }

  private static void insertBareOrder(Connection c, ShopFixture shop, UUID orderId)
      throws SQLException {
    try (PreparedStatement order =
            c.prepareStatement(
                "INSERT INTO kameng.customer_order (tenant_id, id, token_hash, display_number,"
                    + " buyer_email, status, currency, total_minor, reserved_until)"
                    + " VALUES (?, ?, ?, 0, 'b@x.cn', 'PAID', 'CNY', 1000, now())");
        PreparedStatement line =
            c.prepareStatement(
                "INSERT INTO kameng.order_line (tenant_id, order_id, line_number, sku_id,"
                    + " fulfilment, quantity, unit_price_minor, line_total_minor, price_snapshot)"
                    + " VALUES (?, ?, 1, ?, 'CARD_KEY', 1, 1000, 1000, '{}')")) {
      order.setObject(1, shop.tenant.value());
      order.setObject(2, orderId);
      order.setBytes(3, orderId.toString().getBytes());
      order.executeUpdate();
      line.setObject(1, shop.tenant.value());
      line.setObject(2, orderId);
      line.setObject(3, shop.skuId);
      line.executeUpdate();
    }
  }

  private static long claimOne(Connection c, ShopFixture shop, UUID orderId) throws SQLException {
    return claim(c, shop, orderId, "SOLD");
  }

  private static long claim(Connection c, ShopFixture shop, UUID orderId, String status)
      throws SQLException {
    // In the order of the index of available keys (V29's card_key_claim, as the kernel's claim):
    // ORDER BY id alone has no index since V29, and made every ceiling claim sort the SKU's stock.
    try (PreparedStatement claim =
        c.prepareStatement(
            "WITH picked AS (SELECT id FROM kameng.card_key WHERE tenant_id = ? AND sku_id = ?"
                + " AND status = 'AVAILABLE' ORDER BY created_at, id LIMIT 1"
                + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE kameng.card_key k SET status = '"
                + status
                + "', order_id = ?, sold_at = now()"
                + " FROM picked WHERE k.tenant_id = ? AND k.id = picked.id RETURNING k.id")) {
      claim.setObject(1, shop.tenant.value());
      claim.setObject(2, shop.skuId);
      claim.setObject(3, orderId);
      claim.setObject(4, shop.tenant.value());
      try (ResultSet rs = claim.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("ran out of keys: raise the stock");
        }
        return rs.getLong(1);
      }
    }
  }

  static void stock(ShopFixture shop, int keys) {
    for (int done = 0; done < keys; done += 10_000) {
      shop.addKeys("bench-" + done, Math.min(10_000, keys - done));
    }
  }
}
