package org.kameng.kernel.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.ShopFixture;
import org.kameng.kernel.testing.TestDatabase;

/**
 * P1 as the bar defines it: buyers over HTTP against a running server. Each flow is what a buyer
 * and the payment provider do: the buyer places an order with the sandbox channel through the
 * storefront JSON API; the provider sends its HMAC-signed notify (signed here with the channel's
 * secret, exactly as the sandbox plugin signs it); the buyer fetches the order by its token and
 * must find it DELIVERED with one key. Then, in the same run, on the same database and with the
 * same threads, the raw-SQL ceilings of {@link CheckoutBenchmark}.
 *
 * <p>Started by {@code ./kameng bench checkout-http}; arguments: base URL, Host header, tenant,
 * SKU, channel configuration, signing secret, server pid, threads, seconds. With {@code
 * KAMENG_BENCH_JFR=FILE} the server's measured phase is recorded (JFR, profile settings).
 */
public final class CheckoutHttpBenchmark {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern PAYMENT = Pattern.compile("\"paymentId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern DELIVERED = Pattern.compile("\"status\"\\s*:\\s*\"DELIVERED\"");
  private static final Pattern ONE_KEY = Pattern.compile("\"keys\"\\s*:\\s*\\[\\s*\"[^\"]+\"\\s*]");

  private final HttpClient http;
  private final String base;
  private final String host;
  private final String tenant;
  private final String sku;
  private final String channel;
  private final SecretKeySpec secret;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private final AtomicLong startsRefused = new AtomicLong();

  private CheckoutHttpBenchmark(String[] args) {
    this.base = args[0];
    this.host = args[1];
    this.tenant = args[2];
    this.sku = args[3];
    this.channel = args[4];
    this.secret = new SecretKeySpec(args[5].getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public static void main(String[] args) throws Exception {
    // The storefront finds the shop by its host name; loopback is addressed by IP.
    System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    long serverPid = Long.parseLong(args[6]);
    int threads = Integer.parseInt(args[7]);
    int seconds = Integer.parseInt(args[8]);
    CheckoutHttpBenchmark bench = new CheckoutHttpBenchmark(args);
    DataSource db = TestDatabase.get().appDataSource();
    CpuTime cpu = CpuTime.of(db, serverPid);
    RoundTrips trips = new RoundTrips(db);
    System.out.printf("checkout over HTTP: %d threads, %d s per phase%n", threads, seconds);

    bench.flow();
    // Long enough for the server's JIT: a short warm-up leaves it measuring the interpreter.
    int warmUp = Math.max(20, seconds);
    System.out.println("warm-up (" + warmUp + " s) ...");
    LatencyRecorder warm = CheckoutBenchmark.run(threads, warmUp, bench::flow);
    System.out.println("warm-up: " + warm.summary(warmUp));

    String jfr = System.getenv("KAMENG_BENCH_JFR");
    if (jfr != null && !jfr.isBlank()) {
      // A flight recording of the server during the measured phase only.
      new ProcessBuilder(
              "jcmd",
              Long.toString(serverPid),
              "JFR.start",
              "name=p1",
              "settings=profile",
              "duration=" + seconds + "s",
              "filename=" + jfr)
          .inheritIO()
          .start()
          .waitFor();
    }
    long transactionsBefore = transactions(db);
    StatementStats statementsBefore = StatementStats.read(db);
    CheckoutBenchmark.Measured http =
        CheckoutBenchmark.timed(trips, cpu, threads, seconds, bench::flow);
    Thread.sleep(1_500); // backends report their counters at most once a second
    long transactionsPerFlow = (transactions(db) - transactionsBefore);
    StatementStats statementsAfter = StatementStats.read(db);
    LatencyRecorder recorder = http.recorder();
    System.out.printf(
        "HTTP checkout (order, notify, lookup): %s%n    %s; %.1f database transactions per"
            + " flow; load average before %s%n",
        recorder.summary(seconds),
        http.cpuBefore().perFlow(http.cpuAfter(), recorder.count(), "load driver"),
        (double) transactionsPerFlow / recorder.count(),
        http.loadBefore());
    System.out.printf(
        "    warm-up included: %,d notifies re-sent after a 503, %,d payment starts refused%n",
        bench.resent.get(), bench.startsRefused.get());
    statementsAfter.printSince(statementsBefore, recorder.count(), 40);

    ShopFixture ceilingShop = ShopFixture.withCardKeyProduct(1000);
    ShopFixture twoStepShop = ShopFixture.withCardKeyProduct(1000);
    int keys = Math.max(50_000, threads * seconds * 1_500);
    CheckoutBenchmark.stock(ceilingShop, keys);
    CheckoutBenchmark.stock(twoStepShop, keys);
    try (ConnectionPerThread connections = new ConnectionPerThread(trips)) {
      Transactions tx = new Transactions(connections);
      CheckoutBenchmark.run(threads, 3, () -> CheckoutBenchmark.rawCheckout(tx, ceilingShop));
      CheckoutBenchmark.run(
          threads, 3, () -> CheckoutBenchmark.rawTwoStepCheckout(tx, twoStepShop));
      CheckoutBenchmark.Phase ceiling =
          CheckoutBenchmark.measure(
              "raw SQL, 1 transaction ",
              CheckoutBenchmark.timed(
                  trips,
                  cpu,
                  threads,
                  seconds,
                  () -> CheckoutBenchmark.rawCheckout(tx, ceilingShop)),
              seconds);
      CheckoutBenchmark.Phase twoStep =
          CheckoutBenchmark.measure(
              "raw SQL, 2 transactions",
              CheckoutBenchmark.timed(
                  trips,
                  cpu,
                  threads,
                  seconds,
                  () -> CheckoutBenchmark.rawTwoStepCheckout(tx, twoStepShop)),
              seconds);
      double rate = recorder.rate(seconds);
      System.out.printf(
          "HTTP checkout / 1-transaction ceiling: %.0f %%%n", 100.0 * rate / ceiling.rate());
      System.out.printf(
          "HTTP checkout / 2-transaction ceiling: %.0f %%%n", 100.0 * rate / twoStep.rate());
      System.out.println("load average after: " + CheckoutBenchmark.loadAverage());
    }
  }

  /** One buyer's checkout; throws unless the buyer ends up with a delivered key. */
  private void flow() throws Exception {
    String placed =
        expect(
            201,
            post(
                "/api/public/orders",
                "application/json",
                "{\"skuId\":\""
                    + sku
                    + "\",\"quantity\":1,\"buyerEmail\":\"bench@example.cn\",\"channelId\":\""
                    + channel
                    + "\"}"));
    if (placed.contains("\"paymentProblem\":\"")) {
      // The order stands; the channel could not start the payment (its bulkhead was full).
      startsRefused.incrementAndGet();
    }
    String token = group(TOKEN, placed);
    String payment = group(PAYMENT, placed);
    String notify = notify(payment);
    HttpResponse<String> notified;
    // A provider re-sends a notify the shop could not take (503: the channel's bulkhead is full).
    while ((notified =
                post(
                    "/api/public/notify/" + tenant + "/" + channel + "/" + payment,
                    "application/x-www-form-urlencoded",
                    notify))
            .statusCode()
        == 503) {
      resent.incrementAndGet();
      Thread.sleep(20);
    }
    expect(200, notified);
    String order =
        expect(
            200,
            post("/api/public/orders/lookup", "application/json", "{\"token\":\"" + token + "\"}"));
    if (!DELIVERED.matcher(order).find() || !ONE_KEY.matcher(order).find()) {
      throw new IllegalStateException("not delivered with one key: " + order);
    }
  }

  // The sandbox protocol: HMAC-SHA256 (lower-case hex) over the fields in a fixed order.
  private String notify(String payment) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", payment);
    fields.put("event", "bench-" + events.incrementAndGet() + "-" + payment);
    fields.put("status", "succeeded");
    fields.put("amount", "1000");
    fields.put("currency", "CNY");
    fields.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
    StringJoiner canonical = new StringJoiner("&");
    fields.forEach((name, value) -> canonical.add(name + "=" + value));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(secret);
    fields.put(
        "signature",
        HexFormat.of()
            .formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8))));
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) -> body.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Host", host)
            .header("Content-Type", type)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private static String group(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException(pattern + " not in " + body);
    }
    return m.group(1);
  }

  private static long transactions(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
