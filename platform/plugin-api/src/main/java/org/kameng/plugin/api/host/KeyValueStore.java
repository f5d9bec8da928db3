package org.kameng.plugin.api.host;

import java.time.Duration;
import java.util.Optional;

/**
 * Durable key-value storage scoped to one (tenant, plugin) pair: a plugin sees only its own keys
 * for the tenant it acts for, and cannot name another scope. It is for small state a plugin must
 * keep across calls and server instances: an upstream access token and its expiry, the last
 * catalogue cursor, a coupon's use count.
 *
 * <p><b>Semantics.</b> Every operation is atomic and immediately visible to every server instance
 * (linearizable per key); there are no transactions across keys. Writes are durable when the method
 * returns. The store does <em>not</em> take part in the kernel's transaction: a value written
 * during a call stays written even if the order or payment that call served is rolled back, so
 * write values that are correct either way or use {@link #compareAndSet} to detect races.
 *
 * <p><b>Limits.</b> Keys are 1 to 200 characters without control characters; values at most 64 KiB
 * of text; at most 10,000 live keys per scope unless the operator set another limit. Exceeding a
 * limit throws {@link IllegalArgumentException}. Values are stored in plain text: never put a
 * secret here that the tenant did not enter as configuration.
 *
 * <p><b>Threads and failures.</b> Thread-safe; methods block. When the store cannot be reached they
 * throw {@link IllegalStateException}, which fails the plugin's current call like any other
 * unchecked exception.
 */
public interface KeyValueStore {

  /** The value stored under the key, if any. */
  Optional<String> get(String key);

  /** Stores a value, replacing any previous one. */
  void put(String key, String value);

  /**
   * Stores a value that the host forgets after {@code keepFor}: state tied to one payment or one
   * order, which would otherwise pile up against the key limit. An expired key reads as absent and
   * does not count against the limit. A host without expiry keeps the value like {@link #put}.
   *
   * @param keepFor how long the value must stay readable, positive
   */
  default void put(String key, String value, Duration keepFor) {
    put(key, value);
  }

  /**
   * {@link #putIfAbsent(String, String)} for a value the host forgets after {@code keepFor}; a key
   * whose value expired counts as absent.
   */
  default boolean putIfAbsent(String key, String value, Duration keepFor) {
    return putIfAbsent(key, value);
  }

  /**
   * Stores a value only if the key has none.
   *
   * @return whether the value was stored; {@code false} if another value was already there
   */
  boolean putIfAbsent(String key, String value);

  /**
   * Replaces the value only if the current value equals {@code expected}: the building block for
   * counters and claims that concurrent calls on several server instances race for. Read with
   * {@link #get}, compute, {@code compareAndSet}, and on {@code false} read again and retry.
   *
   * @param key the key
   * @param expected the value the caller read; the key must currently hold exactly it
   * @param replacement the new value
   * @return whether the value was replaced; {@code false} if the key holds another value or none
   */
  boolean compareAndSet(String key, String expected, String replacement);

  /**
   * Removes a key.
   *
   * @return whether the key had a value
   */
  boolean delete(String key);
}
