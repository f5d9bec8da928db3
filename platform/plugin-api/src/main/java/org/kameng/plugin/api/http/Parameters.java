package org.kameng.plugin.api.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Query or form parameters, decoded, immutable; names are case-sensitive and keep their order.
 *
 * <p>A name may repeat ({@code money=0.01&money=100}). Signature checks must not let a repeated
 * parameter slip through: {@link #single(String)} refuses it, so a channel that reads every signed
 * field with it never verifies one value and acts on another.
 *
 * @param values the values by name, in the order received; no empty lists
 */
public record Parameters(Map<String, List<String>> values) {

  /** Copies everything and refuses blank names. */
  public Parameters {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(values, "values")
        .forEach(
            (name, list) -> {
              if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("parameter name must not be empty");
              }
              List<String> kept = List.copyOf(Objects.requireNonNull(list, "values of " + name));
              if (!kept.isEmpty()) {
                copy.put(name, kept);
              }
            });
    values = Collections.unmodifiableMap(copy);
  }

  /** No parameters. */
  public static Parameters none() {
    return new Parameters(Map.of());
  }

  /** Parameters with one value per name. */
  public static Parameters of(Map<String, String> single) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    Objects.requireNonNull(single, "single")
        .forEach((name, value) -> multi.put(name, List.of(value)));
    return new Parameters(multi);
  }

  /**
   * The one value of a parameter, if present.
   *
   * @throws IllegalArgumentException if the parameter is repeated
   */
  public Optional<String> single(String name) {
    List<String> all = values.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
    if (all.size() > 1) {
      throw new IllegalArgumentException("parameter '" + name + "' is repeated");
    }
    return all.stream().findFirst();
  }

  /**
   * Every parameter with exactly one value, for canonicalising a signed message.
   *
   * @throws IllegalArgumentException if any parameter is repeated
   */
  public Map<String, String> singleValued() {
    Map<String, String> single = new LinkedHashMap<>();
    values.forEach(
        (name, list) -> {
          if (list.size() > 1) {
            throw new IllegalArgumentException("parameter '" + name + "' is repeated");
          }
          single.put(name, list.get(0));
        });
    return Collections.unmodifiableMap(single);
  }

  /** All values of a parameter, possibly none. */
  public List<String> all(String name) {
    return values.getOrDefault(Objects.requireNonNull(name, "name"), List.of());
  }
}
