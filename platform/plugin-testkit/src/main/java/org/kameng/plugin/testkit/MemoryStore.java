package org.kameng.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.kameng.plugin.api.host.KeyValueStore;

/**
 * The {@link KeyValueStore} of a {@link ContractHost}: one scope, in memory, with the semantics and
 * limits the API documents. A plugin that passes its tests against a lenient fake and then breaks
 * on the real store's limits is what this avoids. Every method holds the store's lock, which makes
 * each operation atomic and the whole store linearizable; tests need no more speed than that.
 */
final class MemoryStore implements KeyValueStore {

  static final int MAX_KEY_LENGTH = 200;
  static final int MAX_VALUE_BYTES = 64 * 1024;
  static final int MAX_KEYS = 10_000;

  private final Map<String, String> values = new HashMap<>();

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(values.get(checkKey(key)));
  }

  @Override
  public synchronized void put(String key, String value) {
    checkRoomFor(checkKey(key));
    values.put(key, checkValue(value));
  }

  @Override
  public synchronized boolean putIfAbsent(String key, String value) {
    checkKey(key);
    checkValue(value);
    if (values.containsKey(key)) {
      return false;
    }
    checkRoomFor(key);
    values.put(key, value);
    return true;
  }

  @Override
  public synchronized boolean compareAndSet(String key, String expected, String replacement) {
    checkKey(key);
    Objects.requireNonNull(expected, "expected");
    checkValue(replacement);
    if (!expected.equals(values.get(key))) {
      return false;
    }
    values.put(key, replacement);
    return true;
  }

  @Override
  public synchronized boolean delete(String key) {
    return values.remove(checkKey(key)) != null;
  }

  /** A copy of the contents, sorted by key. */
  synchronized Map<String, String> snapshot() {
    return new TreeMap<>(values);
  }

  private void checkRoomFor(String key) {
    if (!values.containsKey(key) && values.size() >= MAX_KEYS) {
      throw new IllegalArgumentException("the store already holds " + MAX_KEYS + " keys");
    }
  }

  private static String checkKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException("a key must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    if (key.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a key must not contain control characters");
    }
    return key;
  }

  private static String checkValue(String value) {
    Objects.requireNonNull(value, "value");
    // the limit is on stored text; UTF-8 bytes are what the real store counts
    if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
      throw new IllegalArgumentException("a value must be at most 64 KiB");
    }
    return value;
  }
}
