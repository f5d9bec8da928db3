package org.kameng.server.plugins;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every call into a plugin goes through here, so a plugin that throws, hangs or returns garbage
 * fails only that operation for that tenant's configuration. Calls run on their own executor with a
 * time limit; a circuit per configuration opens after {@link #FAILURES_TO_OPEN} failures in a row
 * and refuses calls at once for {@link #OPEN_FOR}, after which one call may try again.
 *
 * <p>A call that runs out of time is cancelled, but a plugin that ignores interrupts keeps its
 * thread. Bulkheads bound that: at most {@code kameng.plugins.calls-per-configuration} calls of one
 * configuration and {@code kameng.plugins.calls-per-plugin} of one plugin run at once, counted
 * until they really end, so a hanging plugin can hold some threads but never the executor (64)
 * every other shop's checkout needs. A call that finds its bulkhead full waits up to {@code
 * kameng.plugins.permit-wait-ms} for a place before it is refused with 503: healthy calls end in
 * milliseconds, so a burst of them queues briefly instead of being refused (with 4 places and no
 * wait, 8 buyers of one shop had payment starts refused and notifies re-sent).
 */
@ApplicationScoped
public class PluginCalls {

  private static final Logger LOG = Logger.getLogger(PluginCalls.class.getName());

  /** Failures in a row that open a configuration's circuit. */
  public static final int FAILURES_TO_OPEN = 5;

  /** How long an open circuit refuses calls. */
  public static final Duration OPEN_FOR = Duration.ofSeconds(30);

  @Resource(lookup = "concurrent/kameng-plugins")
  ManagedExecutorService executor;

  /** Calls of one configuration that may run at once. */
  @Inject
  @ConfigProperty(name = "kameng.plugins.calls-per-configuration", defaultValue = "16")
  int perCircuit;

  /** Calls of one plugin, over all configurations, that may run at once. */
  @Inject
  @ConfigProperty(name = "kameng.plugins.calls-per-plugin", defaultValue = "32")
  int perPlugin;

  /** How long a call waits for a place in a full bulkhead before it is refused. */
  @Inject
  @ConfigProperty(name = "kameng.plugins.permit-wait-ms", defaultValue = "250")
  long permitWaitMillis;

  private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  /** The work of one plugin call. */
  @FunctionalInterface
  public interface PluginWork<T> {
    T run() throws Exception;
  }

  /**
   * Runs one plugin operation.
   *
   * @param pluginId the plugin whose code runs, for its bulkhead
   * @param circuit the configuration the call acts for, e.g. {@code tenant/config}; failures of one
   *     circuit never affect another
   * @param operation what is being done, for messages, e.g. {@code payment-epay start}
   * @param limit how long the plugin may take
   * @throws PluginFailureException if the plugin threw, timed out, returned null or the circuit is
   *     open
   */
  public <T> T call(
      String pluginId, String circuit, String operation, Duration limit, PluginWork<T> work) {
    Circuit state = circuits.computeIfAbsent(circuit, k -> new Circuit());
    if (!state.allows(clock.instant())) {
      throw new PluginFailureException(
          503,
          operation
              + " is paused after repeated failures; try again in a minute or use another"
              + " channel",
          null);
    }
    Semaphore ofCircuit = inFlight.computeIfAbsent("c:" + circuit, k -> bulkhead(perCircuit));
    Semaphore ofPlugin = inFlight.computeIfAbsent("p:" + pluginId, k -> bulkhead(perPlugin));
    long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(permitWaitMillis);
    if (!enter(ofCircuit, waitUntil)) {
      throw new PluginFailureException(503, operation + " is busy; try again shortly", null);
    }
    if (!enter(ofPlugin, waitUntil)) {
      ofCircuit.release();
      throw new PluginFailureException(503, operation + " is busy; try again shortly", null);
    }
    Callable<T> task =
        () -> {
          try {
            return work.run();
          } finally {
            ofCircuit.release();
            ofPlugin.release();
          }
        };
    Future<T> future;
    try {
      future = executor.submit(task);
    } catch (RejectedExecutionException e) {
      ofCircuit.release();
      ofPlugin.release();
      throw new PluginFailureException(503, operation + " is busy; try again shortly", e);
    }
    try {
      T result = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (result == null) {
        throw fail(state, 502, operation + " returned nothing", null);
      }
      state.succeeded();
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      throw fail(state, 504, operation + " did not answer within " + limit.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw fail(state, 502, operation + " failed", e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new PluginFailureException(503, operation + " was interrupted", e);
    }
  }

  // Fair, so a call that has waited is not overtaken by later ones while places free up.
  private static Semaphore bulkhead(int places) {
    return new Semaphore(Math.max(1, places), true);
  }

  /** Takes a place, waiting until {@code waitUntil} (a {@link System#nanoTime()}) at most. */
  private static boolean enter(Semaphore bulkhead, long waitUntil) {
    try {
      return bulkhead.tryAcquire(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private PluginFailureException fail(Circuit state, int status, String message, Throwable cause) {
    boolean opened = state.failed(clock.instant());
    // The cause can carry a plugin's message, which may quote a provider's reply: log, never show.
    LOG.log(Level.WARNING, message + (opened ? "; circuit opened for " + OPEN_FOR : ""), cause);
    return new PluginFailureException(status, message, cause);
  }

  /** Whether a configuration's circuit currently refuses calls; for the admin's view and tests. */
  public boolean isOpen(String circuit) {
    Circuit state = circuits.get(circuit);
    return state != null && !state.allows(clock.instant());
  }

  /** Failures in a row and when the circuit closes again. */
  private static final class Circuit {
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;

    synchronized boolean allows(Instant now) {
      return !now.isBefore(openUntil);
    }

    synchronized void succeeded() {
      failuresInARow = 0;
      openUntil = Instant.MIN;
    }

    /** Counts a failure; true if it opened the circuit. */
    synchronized boolean failed(Instant now) {
      failuresInARow++;
      if (failuresInARow >= FAILURES_TO_OPEN) {
        // Half-open after the pause: the next call tries, and one more failure re-opens at once.
        failuresInARow = FAILURES_TO_OPEN - 1;
        openUntil = now.plus(OPEN_FOR);
        return true;
      }
      return false;
    }
  }
}
