package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The browser tests: every {@code *.spec.mjs} under src/test/browser, run by the machine's Node
 * ({@code node --test}) driving Debian's Chromium through playwright-core, against the server the
 * other ITs use. One JUnit test per spec file, so a failure names the page flow that broke; the
 * spec's own output (which test, which assertion) is in the failure message and in
 * target/browser/NAME.log, screenshots of failures next to it.
 *
 * <p>{@code -Dkameng.browser.spec=NAME} runs only NAME.spec.mjs.
 */
class BrowserIT {

  private static final Path SPECS = Path.of(property("kameng.browser.dir", "src/test/browser"));
  private static final Path ARTIFACTS =
      Path.of(property("kameng.browser.artifacts", "target/browser"));
  private static final long SPEC_TIMEOUT_MINUTES = 10;

  @BeforeAll
  static void installPlaywright() throws Exception {
    String chromium = System.getenv().getOrDefault("KAMENG_CHROMIUM", "/usr/bin/chromium");
    assertTrue(
        Files.isExecutable(Path.of(chromium)),
        chromium + " is missing: install Debian's chromium (bash .ci/install-prerequisites)");
    Path installed = SPECS.resolve("node_modules/.package-lock.json");
    Path lock = SPECS.resolve("package-lock.json");
    if (Files.exists(installed)
        && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      return;
    }
    Files.createDirectories(ARTIFACTS);
    int exit =
        run(
            List.of("npm", "ci", "--no-audit", "--no-fund"),
            ARTIFACTS.resolve("npm-ci.log"),
            Map.of(),
            5);
    assertEquals(0, exit, "npm ci failed: " + tail(ARTIFACTS.resolve("npm-ci.log")));
  }

  @TestFactory
  Stream<DynamicTest> everySpecPasses() throws IOException {
    String only = property("kameng.browser.spec", "");
    List<Path> specs;
    try (Stream<Path> files = Files.list(SPECS)) {
      specs =
          files
              .filter(f -> f.getFileName().toString().endsWith(".spec.mjs"))
              .filter(f -> only.isBlank() || f.getFileName().toString().equals(only + ".spec.mjs"))
              .sorted()
              .toList();
    }
    assertFalse(specs.isEmpty(), "no browser spec matches '" + only + "' in " + SPECS);
    return specs.stream().map(spec -> DynamicTest.dynamicTest(name(spec), () -> runSpec(spec)));
  }

  private static void runSpec(Path spec) throws Exception {
    Files.createDirectories(ARTIFACTS);
    Path log = ARTIFACTS.resolve(name(spec) + ".log");
    List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
    command.add(spec.getFileName().toString());
    int exit =
        run(
            command,
            log,
            Map.of(
                "KAMENG_BASE_URL", TestStack.baseUrl(),
                "KAMENG_KEYCLOAK_URL", TestStack.keycloakUrl(),
                "KAMENG_ADMIN_PASSWORD", TestStack.adminPassword(),
                "KAMENG_RESELLER_PASSWORD", TestStack.resellerPassword(),
                "KAMENG_BROWSER_ARTIFACTS", ARTIFACTS.toAbsolutePath().toString()),
            SPEC_TIMEOUT_MINUTES);
    assertEquals(0, exit, spec.getFileName() + " failed:\n" + tail(log));
  }

  /** Runs a command in the specs folder, output to log; the exit code, or -1 on time-out. */
  private static int run(List<String> command, Path log, Map<String, String> env, long minutes)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(SPECS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Files.writeString(
          log,
          "\n[BrowserIT] stopped after " + minutes + " minutes\n",
          java.nio.file.StandardOpenOption.APPEND);
      return -1;
    }
    return process.exitValue();
  }

  private static String name(Path spec) {
    return spec.getFileName().toString().replace(".spec.mjs", "");
  }

  /** The end of a log, where node's test reporter prints the failures. */
  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no output)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
