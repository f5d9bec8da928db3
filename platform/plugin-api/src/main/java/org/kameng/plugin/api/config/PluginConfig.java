package org.kameng.plugin.api.config;

import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kameng.plugin.api.Money;

/**
 * One tenant's configuration of one extension, as the host hands it over: values by field name,
 * secrets already decrypted, blank values left out. Immutable and thread-safe.
 *
 * <p>The typed getters parse the text forms of {@link FieldType}. They fail loudly rather than
 * guess: a missing value is a {@link NoSuchElementException}, a value that does not parse an {@link
 * IllegalStateException}; both messages name the field and never contain its value, which may be a
 * secret. Because the host validated the configuration against the schema before saving it, such a
 * failure means the plugin asked for a field its schema does not declare as required. {@link
 * #toString()} shows field names only.
 */
public final class PluginConfig {

  private final Map<String, String> values;

  private PluginConfig(Map<String, String> values) {
    this.values = values;
  }

  /**
   * A configuration of these values; blank values are dropped.
   *
   * @throws NullPointerException if a name or value is null
   */
  public static PluginConfig of(Map<String, String> values) {
    Map<String, String> kept = new TreeMap<>();
    Objects.requireNonNull(values, "values")
        .forEach(
            (name, value) -> {
              Objects.requireNonNull(name, "config field name");
              Objects.requireNonNull(value, "value of config field " + name);
              if (!value.isBlank()) {
                kept.put(name, value);
              }
            });
    return new PluginConfig(Map.copyOf(kept));
  }

  /** An empty configuration. */
  public static PluginConfig empty() {
    return new PluginConfig(Map.of());
  }

  /** The names that have a value. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The value of a field, if it has one. */
  public Optional<String> find(String name) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(name, "name")));
  }

  /** The text of a field (any type: {@code STRING}, {@code SECRET}, {@code ENUM}…). */
  public String string(String name) {
    return find(name)
        .orElseThrow(() -> new NoSuchElementException("config field '" + name + "' has no value"));
  }

  /** An {@code INTEGER} field. */
  public long integer(String name) {
    String value = string(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(name, FieldType.INTEGER, e);
    }
  }

  /** A {@code BOOLEAN} field; {@code false} when the field has no value. */
  public boolean bool(String name) {
    Optional<String> value = find(name);
    try {
      return value.isPresent() && FieldValues.bool(value.get());
    } catch (IllegalArgumentException e) {
      throw malformed(name, FieldType.BOOLEAN, e);
    }
  }

  /** A {@code URL} field, absolute {@code http} or {@code https}. */
  public URI url(String name) {
    String value = string(name);
    try {
      return FieldValues.url(value);
    } catch (IllegalArgumentException e) {
      throw malformed(name, FieldType.URL, e);
    }
  }

  /** A {@code MONEY} field. */
  public Money money(String name) {
    String value = string(name);
    try {
      return FieldValues.money(value);
    } catch (IllegalArgumentException e) {
      throw malformed(name, FieldType.MONEY, e);
    }
  }

  private static IllegalStateException malformed(String name, FieldType type, Exception cause) {
    // the cause's message may quote the value; keep only its type
    return new IllegalStateException(
        "config field '"
            + name
            + "' is not a valid "
            + type
            + " ("
            + cause.getClass().getName()
            + ")");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PluginConfig that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "PluginConfig" + new java.util.TreeSet<>(values.keySet());
  }
}
