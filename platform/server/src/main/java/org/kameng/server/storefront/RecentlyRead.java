package org.kameng.server.storefront;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What this server instance read from the database for the storefront a moment ago, kept for a
 * short, fixed time: an answer is at most {@code maxAge} old when it is used (its age counts from
 * before it was read), whatever other instances changed meanwhile. The instance that makes a change
 * forgets the answers it touches at once; an answer read while something was forgotten is used for
 * that request but not kept, as it may predate the change. Bounded: when full (by count, or by the
 * weight each answer is given), everything is forgotten, so a flood of made-up host names costs
 * database reads, never memory. Also kept by the plugin plumbing (a shop's price-rule
 * configurations, a plugin's availability to a shop).
 */
public final class RecentlyRead<K, V> {

  private record Entry<V>(V value, long readAt, long weight) {}

  private final long maxAgeNanos;
  private final long capacity;
  private final ToLongFunction<V> weigher;
  private final LongSupplier clock;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  // The weight of what is kept: exact without concurrent writers, close enough with them.
  private final AtomicLong weight = new AtomicLong();
  // Counts calls of forget: a read that saw it change may hold what was true before the change.
  private final AtomicLong forgets = new AtomicLong();

  RecentlyRead(Duration maxAge, int capacity, LongSupplier clock) {
    this(maxAge, capacity, v -> 1, clock);
  }

  /** Answers kept while their weights add up to at most {@code capacity}. */
  RecentlyRead(Duration maxAge, long capacity, ToLongFunction<V> weigher, LongSupplier clock) {
    this.maxAgeNanos = maxAge.toNanos();
    this.capacity = capacity;
    this.weigher = weigher;
    this.clock = clock;
  }

  public RecentlyRead(Duration maxAge, int capacity) {
    this(maxAge, capacity, System::nanoTime);
  }

  /** The answer for {@code key}: kept if younger than the maximum age, else read again. */
  public V get(K key, Function<K, V> read) {
    return get(key, read, v -> true);
  }

  /** As {@link #get(Object, Function)}, keeping only answers {@code worthKeeping} accepts. */
  public V get(K key, Function<K, V> read, Predicate<V> worthKeeping) {
    long now = clock.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && now - entry.readAt() < maxAgeNanos) {
      return entry.value();
    }
    long forgetsBefore = forgets.get();
    V value = read.apply(key);
    if (maxAgeNanos > 0 && worthKeeping.test(value) && forgets.get() == forgetsBefore) {
      long w = weigher.applyAsLong(value);
      if (w <= capacity) {
        if (weight.get() + w > capacity) {
          entries.clear();
          weight.set(0);
        }
        Entry<V> old = entries.put(key, new Entry<>(value, now, w));
        weight.addAndGet(w - (old == null ? 0 : old.weight()));
      }
    }
    return value;
  }

  /** Forgets every answer that {@code which} matches. */
  public void forget(Predicate<V> which) {
    forgets.incrementAndGet();
    for (Map.Entry<K, Entry<V>> e : entries.entrySet()) {
      if (which.test(e.getValue().value()) && entries.remove(e.getKey(), e.getValue())) {
        weight.addAndGet(-e.getValue().weight());
      }
    }
  }

  int size() {
    return entries.size();
  }
}
