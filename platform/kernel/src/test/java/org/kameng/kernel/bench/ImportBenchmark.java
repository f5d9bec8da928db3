package org.kameng.kernel.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.kameng.kernel.inventory.CardKeyImport;
import org.kameng.kernel.inventory.ImportProgress;
import org.kameng.kernel.inventory.ImportReport;
import org.kameng.kernel.inventory.ImportSource;
import org.kameng.kernel.inventory.ImportTimings;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/**
 * Quality bar P3: a million card keys parsed, deduplicated, encrypted and inserted, then the same
 * file again (nothing new). Run by {@code bench/import-benchmark}; see {@code bench/README.md}.
 *
 * <p>Arguments (all optional): {@code keys=1000000 batch=10000 threads=<cores>}.
 */
public final class ImportBenchmark {

  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int keys = intArg(args, "keys", 1_000_000);
    int batch = intArg(args, "batch", CardKeyImport.DEFAULT_BATCH_SIZE);
    int threads = intArg(args, "threads", Runtime.getRuntime().availableProcessors());
    TestDatabase db = TestDatabase.get();
    ShopFixture fixture = ShopFixture.withCardKeyProduct(1000);
    TenantId shop = fixture.tenant;
    UUID sku = fixture.skuId;
    Path file = Files.createTempFile("kameng-keys-", ".txt");
    ExecutorService sealing = Executors.newFixedThreadPool(threads);
    try (Connection connection = db.appDataSource().getConnection()) {
      long generated = System.nanoTime();
      generate(file, keys);
      System.out.printf(
          "%,d random keys (16-24 chars), %,d bytes, written in %s to %s%n",
          keys, Files.size(file), seconds(System.nanoTime() - generated), file);
      System.out.printf(
          "batch %,d lines, %d sealing threads, JDK %s, %d cores%n%n",
          batch, threads, Runtime.version(), Runtime.getRuntime().availableProcessors());
      // One reused connection, as a pool would give the importing thread.
      Transactions transactions = new Transactions(reusing(connection));
      CardKeyImport importer =
          new CardKeyImport(transactions, db.dataKeys(), sealing, threads, batch);
      run("run 1 (empty SKU)", importer, shop, sku, file);
      run("run 2 (same file again)", importer, shop, sku, file);
    } finally {
      sealing.shutdown();
      Files.deleteIfExists(file);
    }
  }

  private static void run(String title, CardKeyImport importer, TenantId shop, UUID sku, Path file)
      throws IOException {
    System.out.println(title);
    long started = System.nanoTime();
    ImportSource source = ImportSource.file(file);
    Progress progress = new Progress(started);
    ImportReport report = importer.importKeys(shop, sku, source, progress);
    long elapsed = System.nanoTime() - started;
    System.out.printf(
        "  %,d lines: %,d imported, %,d duplicates, %,d rejected in %s = %,.0f lines/s%n",
        report.totalLines(),
        report.imported(),
        report.duplicates(),
        report.rejected(),
        seconds(elapsed),
        report.totalLines() / (elapsed / 1e9));
    ImportTimings t = report.timings();
    System.out.printf(
        "  where the time went: reading %s | sealing %s (summed over threads), importing thread"
            + " waited %s for it | COPY %s | INSERT %s | other transaction work %s%n%n",
        seconds(t.reading()),
        seconds(t.sealing()),
        seconds(t.waitingForSealing()),
        seconds(t.copy()),
        seconds(t.insert()),
        seconds(t.otherDatabase()));
  }

  /** Prints a line every tenth of the file. */
  private static final class Progress implements ImportProgress {
    private final long started;
    private long nextTenth = 1;

    Progress(long started) {
      this.started = started;
    }

    @Override
    public void linesProcessed(long done, java.util.OptionalLong total) {
      long all = total.orElse(done);
      if (done * 10 >= nextTenth * all || done == all) {
        System.out.printf(
            "  %3d%%  %,9d / %,d lines  %s%n",
            done * 100 / all, done, all, seconds(System.nanoTime() - started));
        nextTenth = done * 10 / all + 1;
      }
    }
  }

  private static void generate(Path file, int keys) throws IOException {
    SplittableRandom random = new SplittableRandom();
    char[] key = new char[24];
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < keys; i++) {
        int length = 16 + random.nextInt(9);
        for (int c = 0; c < length; c++) {
          key[c] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        out.write(key, 0, length);
        out.write('\n');
      }
    }
  }

  private static DataSource reusing(Connection connection) {
    Connection borrowed =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : invoke(connection, method, args));
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return borrowed;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Object invoke(
      Connection connection, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(connection, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static String seconds(long nanos) {
    return String.format("%.2f s", nanos / 1e9);
  }

  private static String seconds(Duration duration) {
    return seconds(duration.toNanos());
  }

  private static int intArg(String[] args, String name, int otherwise) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1).replace("_", ""));
      }
    }
    return otherwise;
  }
}
