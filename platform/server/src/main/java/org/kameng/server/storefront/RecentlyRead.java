package org.kameng.server.storefront;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What this server instance read from the database for the storefront a moment ago, kept for a
 * short, fixed time: an answer is at most {@code maxAge} old when it is used (its age counts from
 * before it was read), whatever other instances changed meanwhile. The instance that makes a change
 * forgets the answers it touches at once. Bounded: when full, everything is forgotten, so a flood
 * of made-up host names costs database reads, never memory.
 */
final class RecentlyRead<K, V> {

  private record Entry<V>(V value, long readAt) {}

  private final long maxAgeNanos;
  private final int capacity;
  private final LongSupplier clock;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  RecentlyRead(Duration maxAge, int capacity, LongSupplier clock) {
    this.maxAgeNanos = maxAge.toNanos();
    this.capacity = capacity;
    this.clock = clock;
  }

  RecentlyRead(Duration maxAge, int capacity) {
    this(maxAge, capacity, System::nanoTime);
  }

  /** The answer for {@code key}: kept if younger than the maximum age, else read again. */
  V get(K key, Function<K, V> read) {
    return get(key, read, v -> true);
  }

  /** As {@link #get(Object, Function)}, keeping only answers {@code worthKeeping} accepts. */
  V get(K key, Function<K, V> read, Predicate<V> worthKeeping) {
    long now = clock.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.readAt() < maxAgeNanos) {
      return entry.value();
    }
    V value = read.apply(key);
    if (maxAgeNanos > 0 && worthKeeping.test(value)) {
      if (entries.size() >= capacity) {
        entries.clear();
      }
      entries.put(key, new Entry<>(value, now));
    }
    return value;
  }

  /** Forgets every answer that {@code which} matches. */
  void forget(Predicate<V> which) {
    entries.values().removeIf(e -> which.test(e.value()));
  }

  int size() {
    return entries.size();
  }
}
