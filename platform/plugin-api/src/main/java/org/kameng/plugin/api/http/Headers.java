package org.kameng.plugin.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP header fields, immutable. Names are case-insensitive and kept in lower case; a name may
 * carry several values, in the order received.
 *
 * @param values the values by lower-case name; no empty lists
 */
public record Headers(Map<String, List<String>> values) {

  /** Lower-cases the names, merges names that differ only in case and copies everything. */
  public Headers {
    Map<String, List<String>> normalised = new LinkedHashMap<>();
    Objects.requireNonNull(values, "values")
        .forEach(
            (name, list) -> {
              if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header name must not be blank");
              }
              Objects.requireNonNull(list, "values of header " + name);
              normalised
                  .computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                  .addAll(list);
            });
    normalised.values().removeIf(List::isEmpty);
    normalised.replaceAll((name, list) -> List.copyOf(list));
    values = Collections.unmodifiableMap(normalised);
  }

  /** No headers. */
  public static Headers none() {
    return new Headers(Map.of());
  }

  /** Headers with one value per name. */
  public static Headers of(Map<String, String> single) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    Objects.requireNonNull(single, "single")
        .forEach((name, value) -> multi.put(name, List.of(value)));
    return new Headers(multi);
  }

  /** The first value of a header, if present; the name in any case. */
  public Optional<String> first(String name) {
    return all(name).stream().findFirst();
  }

  /** All values of a header, possibly none. */
  public List<String> all(String name) {
    return values.getOrDefault(
        Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT), List.of());
  }
}
