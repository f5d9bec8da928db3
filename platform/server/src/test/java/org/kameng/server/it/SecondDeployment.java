package org.kameng.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Kameng deployment for a test: the same WAR in its own Liberty server ({@code
 * kameng-second}, created by the build beside the server under test), on its own HTTP port, with
 * its OWN database (created by {@code ./kameng test} on the same throwaway PostgreSQL) and its own
 * plugin folder, sharing only the Keycloak realm. Started by the one test that needs it, so the
 * rest of the suite never waits for it (docs/adr/0015-second-deployment-in-tests.md).
 */
final class SecondDeployment implements AutoCloseable {

  private static final String SERVER = "kameng-second";

  private final Path wlp;
  private final Path usr;
  private final String baseUrl;

  private SecondDeployment(Path wlp, Path usr, int port) {
    this.wlp = wlp;
    this.usr = usr;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** Starts the second deployment and waits until it is ready (its migrations ran). */
  static SecondDeployment start() throws Exception {
    Path wlp = Path.of(required("arquillian.wlp.home"));
    Path usr = Path.of(required("arquillian.usr.dir"));
    int port = Integer.parseInt(required("kameng.second.http.port"));
    String database = System.getenv("KAMENG_SECOND_DB_URL");
    if (database == null || database.isBlank()) {
      throw new IllegalStateException(
          "KAMENG_SECOND_DB_URL is not set: run the tests with ./kameng test");
    }
    SecondDeployment second = new SecondDeployment(wlp, usr, port);
    Path plugins = second.ownPlugins();
    // Everything else (Keycloak, secrets, the master key) is inherited from ./kameng test.
    second.server(
        "start",
        Map.of(
            "KAMENG_DB_URL",
            database,
            "KAMENG_PLUGINS_DIR",
            plugins.toString(),
            // No demo shop: this deployment holds only what its test makes.
            "KAMENG_DEMO",
            "false"));
    second.awaitReady(Duration.ofSeconds(180));
    return second;
  }

  /** Where the second deployment answers, e.g. {@code http://127.0.0.1:23456}. */
  String baseUrl() {
    return baseUrl;
  }

  int port() {
    return URI.create(baseUrl).getPort();
  }

  @Override
  public void close() throws Exception {
    server("stop", Map.of());
  }

  /**
   * A copy of the staged plugin archives: plugin folders are writable (zips are unpacked beside
   * themselves), so two deployments never share one.
   */
  private Path ownPlugins() throws IOException {
    Path staged = Path.of(System.getenv("KAMENG_PLUGINS_DIR"));
    Path own = usr.resolve("servers").resolve(SERVER).resolve("plugins-own");
    if (Files.exists(own)) {
      try (Stream<Path> old = Files.walk(own)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(own);
    try (Stream<Path> zips = Files.list(staged)) {
      for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).toList()) {
        Files.copy(zip, own.resolve(zip.getFileName()));
      }
    }
    return own;
  }

  private void server(String action, Map<String, String> env) throws Exception {
    // Output to a file, not a pipe: the server's JVM outlives the script and must not hold it.
    Path output = Files.createTempFile("kameng-second-" + action, ".log");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, SERVER))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().put("WLP_USER_DIR", usr.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean ended = process.waitFor(240, TimeUnit.SECONDS);
    String said = Files.readString(output);
    Files.deleteIfExists(output);
    if (!ended) {
      process.destroyForcibly();
      throw new IllegalStateException("server " + action + " " + SERVER + " hung: " + said);
    }
    if (process.exitValue() != 0 && action.equals("start")) {
      throw new IllegalStateException("server start " + SERVER + " failed: " + said + log());
    }
  }

  private void awaitReady(Duration limit) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(SERVER + " was not ready within " + limit + log());
  }

  private String log() {
    Path log = usr.resolve("servers").resolve(SERVER).resolve("logs/messages.log");
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n--- "
          + log
          + " (tail) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return " (no log at " + log + ")";
    }
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run the tests with ./kameng test");
    }
    return value;
  }
}
