package org.kameng.server.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-minute budgets for the public endpoints someone might hammer: order lookups (tokens and query
 * passwords must not be guessable at speed) and sign-ups (no mass account creation). Counts are per
 * server instance; with N instances an abuser gets at most N times the budget, still far from a
 * useful rate.
 */
@ApplicationScoped
public class Throttle {

  private final Clock clock = Clock.systemUTC();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile long window = -1;

  /**
   * Counts one request against every bucket named; false if any is over its budget this minute.
   *
   * @param buckets pairs of bucket name and budget per minute
   */
  public boolean allow(Budget... buckets) {
    long minute = clock.millis() / 60_000;
    if (minute != window) {
      // A new minute: forget the last one's counts (cheap, and bounds the map's size).
      counts.clear();
      window = minute;
    }
    boolean allowed = true;
    for (Budget bucket : buckets) {
      int used = counts.computeIfAbsent(bucket.name(), k -> new AtomicInteger()).incrementAndGet();
      allowed &= used <= bucket.perMinute();
    }
    return allowed;
  }

  /** A bucket and how many requests it admits per minute. */
  public record Budget(String name, int perMinute) {}
}
