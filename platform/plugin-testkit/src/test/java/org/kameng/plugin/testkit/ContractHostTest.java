package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

class ContractHostTest {

  private final ContractHost host =
      new ContractHost(ContractHost.TENANT_A, "payment-acme", PluginConfig.empty());

  @Test
  void putIfAbsentStoresOnlyTheFirstValue() {
    KeyValueStore store = host.store();
    assertTrue(store.putIfAbsent("token", "a"));
    assertFalse(store.putIfAbsent("token", "b"));
    assertEquals(Optional.of("a"), store.get("token"));
  }

  @Test
  void compareAndSetReplacesOnlyTheExpectedValue() {
    KeyValueStore store = host.store();
    assertFalse(store.compareAndSet("count", "0", "1"), "no value is not the expected value");
    store.put("count", "0");
    assertFalse(store.compareAndSet("count", "5", "6"));
    assertTrue(store.compareAndSet("count", "0", "1"));
    assertEquals(Map.of("count", "1"), host.stored());
    assertTrue(store.delete("count"));
    assertFalse(store.delete("count"));
  }

  @Test
  void concurrentCompareAndSetCountersLoseNoIncrement() throws Exception {
    KeyValueStore store = host.store();
    store.put("uses", "0");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String seen;
                    do {
                      seen = store.get("uses").orElseThrow();
                    } while (!store.compareAndSet(
                        "uses", seen, Integer.toString(Integer.parseInt(seen) + 1)));
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(Optional.of("4000"), store.get("uses"));
  }

  @Test
  void theStoreEnforcesTheApisLimits() {
    KeyValueStore store = host.store();
    assertThrows(IllegalArgumentException.class, () -> store.put("", "v"));
    assertThrows(IllegalArgumentException.class, () -> store.put("k".repeat(201), "v"));
    assertThrows(IllegalArgumentException.class, () -> store.put("line\nbreak", "v"));
    assertThrows(IllegalArgumentException.class, () -> store.put("big", "x".repeat(64 * 1024 + 1)));
    // 64 KiB counts bytes: a Chinese character is three of them in UTF-8
    assertThrows(IllegalArgumentException.class, () -> store.put("big", "卡".repeat(22_000)));
    store.put("k".repeat(200), "x".repeat(64 * 1024));
    for (int i = 1; i < MemoryStore.MAX_KEYS; i++) {
      store.put("key" + i, "v");
    }
    assertThrows(IllegalArgumentException.class, () -> store.put("one-too-many", "v"));
    assertFalse(store.putIfAbsent("key1", "v"), "an existing key is no new key");
    store.put("key1", "replaced");
  }

  @Test
  void theClockStandsStillUntilMovedAndDerivedClocksFollow() {
    assertSame(host.clock(), host.clock());
    assertEquals(ContractHost.START, host.clock().instant());
    var shanghai = host.clock().withZone(ZoneId.of("Asia/Shanghai"));
    host.advance(Duration.ofMinutes(6));
    assertEquals(ContractHost.START.plusSeconds(360), host.clock().instant());
    assertEquals(host.clock().instant(), shanghai.instant());
    host.at(Instant.parse("2030-01-01T00:00:00Z"));
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), shanghai.instant());
  }

  @Test
  void theNetworkFailsTheTestUnlessAnswered() throws Exception {
    OutboundRequest request = OutboundRequest.get(URI.create("https://api.provider.example/q"));
    AssertionError refused = assertThrows(AssertionError.class, () -> host.http().send(request));
    assertTrue(refused.getMessage().contains("payment-acme called the network"));
    assertTrue(refused.getMessage().contains("https://api.provider.example/q"));

    host.answering(r -> new OutboundResponse(200, Headers.none(), Body.utf8("pong")));
    assertEquals("pong", host.http().send(request).body().text());
    assertEquals(List.of(request, request), host.requests(), "refused calls are recorded too");
  }

  @Test
  void theLoggerRecordsFormattedLinesWithTheirCauses() {
    host.logger().log(System.Logger.Level.INFO, "paid {0} of {1}", "100.00", "CNY");
    host.logger()
        .log(
            System.Logger.Level.DEBUG,
            "failed",
            new IllegalStateException("outer", new IllegalArgumentException("inner")));
    assertEquals(
        List.of(
            "INFO paid 100.00 of CNY",
            "DEBUG failed | java.lang.IllegalStateException: outer"
                + " | java.lang.IllegalArgumentException: inner"),
        host.logLines());
  }

  @Test
  void identifiesTenantPluginConfigAndPages() {
    PluginConfig config = PluginConfig.of(Map.of("merchant", "1001"));
    ContractHost b = new ContractHost(ContractHost.TENANT_B, "payment-acme", config);
    assertEquals(ContractHost.TENANT_B, b.tenant());
    assertEquals("payment-acme", b.pluginId());
    assertSame(config, b.config());
    String pages = b.pagesUrl().toString();
    assertTrue(
        pages.startsWith("https://shop.test/api/public/pages/" + ContractHost.TENANT_B + "/"),
        pages);
    assertTrue(pages.endsWith("/"), pages);
    assertFalse(pages.equals(host.pagesUrl().toString()), "each tenant has its own pages");
    assertSame(b.store(), b.store());
    assertSame(b.logger(), b.logger());
    assertSame(b.http(), b.http());
  }
}
