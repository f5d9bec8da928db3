package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits order lookups per client address and per looked-up order or email, so tokens and query
 * passwords cannot be guessed at speed. Counts are per server instance and per minute; with N
 * instances an attacker gets at most N times the budget, still far from a useful guessing rate.
 */
@ApplicationScoped
public class LookupThrottle {

  static final int PER_ADDRESS_PER_MINUTE = 20;
  static final int PER_SUBJECT_PER_MINUTE = 10;

  private final Clock clock = Clock.systemUTC();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private volatile long window = -1;

  /** Counts one lookup; false if the address or the subject is over its budget. */
  public boolean allow(String address, String subject) {
    long minute = clock.millis() / 60_000;
    if (minute != window) {
      // A new minute: forget the last one's counts (cheap, and bounds the map's size).
      counts.clear();
      window = minute;
    }
    int byAddress =
        counts.computeIfAbsent("ip:" + address, k -> new AtomicInteger()).incrementAndGet();
    int bySubject =
        counts.computeIfAbsent("s:" + subject, k -> new AtomicInteger()).incrementAndGet();
    return byAddress <= PER_ADDRESS_PER_MINUTE && bySubject <= PER_SUBJECT_PER_MINUTE;
  }
}
