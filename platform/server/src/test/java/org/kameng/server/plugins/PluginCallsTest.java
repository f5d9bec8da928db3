package org.kameng.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

  private static final int PER_CONFIGURATION = 16;
  private static final int PER_PLUGIN = 32;

  private final ExecutorService pluginThreads = Executors.newCachedThreadPool();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final PluginCalls calls = new PluginCalls();

  PluginCallsTest() {
    // The defaults of the MicroProfile Config properties; the executor stands in for Liberty's.
    calls.perCircuit = PER_CONFIGURATION;
    calls.perPlugin = PER_PLUGIN;
    calls.permitWaitMillis = 250;
    calls.executor =
        (ManagedExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                  try {
                    return method.invoke(pluginThreads, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  @AfterEach
  void stop() {
    callers.shutdownNow();
    pluginThreads.shutdownNow();
  }

  private Future<String> callAsync(
      String plugin, String circuit, Duration limit, PluginCalls.PluginWork<String> work) {
    return callers.submit(() -> calls.call(plugin, circuit, plugin + " test", limit, work));
  }

  /** Fails on a bulkhead that refuses every call above a few at once without waiting. */
  @Test
  void aBurstOfHealthyCallsAboveTheBulkheadAllSucceed() throws Exception {
    int buyers = PER_CONFIGURATION * 2;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      results.add(
          callers.submit(
              () -> {
                start.await();
                return calls.call(
                    "payment-sandbox",
                    "shop/channel",
                    "payment-sandbox start",
                    Duration.ofSeconds(5),
                    () -> {
                      Thread.sleep(20);
                      return "started";
                    });
              }));
    }
    start.countDown();
    for (Future<String> result : results) {
      assertEquals("started", result.get());
    }
  }

  @Test
  void aHangingConfigurationHoldsOnlyItsOwnPlaces() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    PluginCalls.PluginWork<String> hang =
        () -> {
          // Ignores interrupts, as a badly written plugin does: keeps its thread after the limit.
          while (true) {
            try {
              never.await();
              return "late";
            } catch (InterruptedException ignored) {
              // keeps hanging
            }
          }
        };
    List<Future<String>> hanging = new ArrayList<>();
    for (int i = 0; i < PER_CONFIGURATION + 4; i++) {
      hanging.add(callAsync("payment-epay", "shop-a/epay", Duration.ofMillis(200), hang));
    }
    int timedOut = 0;
    int refused = 0;
    for (Future<String> result : hanging) {
      PluginFailureException failure =
          (PluginFailureException)
              assertThrows(java.util.concurrent.ExecutionException.class, result::get).getCause();
      if (failure.status() == 504) {
        timedOut++;
      } else {
        refused++;
      }
    }
    // The configuration's places are held by its hanging calls; the rest are refused.
    assertEquals(PER_CONFIGURATION, timedOut);
    assertEquals(4, refused);
    // Another shop's configuration of the same plugin, and another plugin, are served at once.
    assertEquals(
        "ok", callAsync("payment-epay", "shop-b/epay", Duration.ofSeconds(1), () -> "ok").get());
    assertEquals(
        "ok",
        callAsync("payment-sandbox", "shop-a/sandbox", Duration.ofSeconds(1), () -> "ok").get());
    never.countDown();
  }
}
