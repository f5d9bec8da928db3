package org.kameng.plugin.api.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration an extension asks a tenant for, in display order; the admin UI renders it as a
 * form. Immutable; return the same schema from {@code configSchema()} every time.
 *
 * @param fields the fields, distinct names, in the order the form shows them
 */
public record ConfigSchema(List<ConfigField> fields) {

  /** Refuses duplicate field names. */
  public ConfigSchema {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    Set<String> names = new HashSet<>();
    for (ConfigField field : fields) {
      if (!names.add(field.name())) {
        throw new IllegalArgumentException("duplicate config field: " + field.name());
      }
    }
  }

  /** A schema of these fields. */
  public static ConfigSchema of(ConfigField... fields) {
    return new ConfigSchema(List.of(fields));
  }

  /** A schema with no fields, for extensions that need no configuration. */
  public static ConfigSchema empty() {
    return new ConfigSchema(List.of());
  }

  /** The field with this name, if the schema has one. */
  public Optional<ConfigField> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The problems of a tenant's values against this schema: required fields missing, values of the
   * wrong type or format, names the schema does not know. The host runs this before the factory's
   * own {@code validate}; the plugin-testkit uses it too. Messages never repeat a value.
   *
   * @param values the entered values by field name; blank means missing
   * @return the problems in field order, then unknown names; empty if the values fit
   */
  public List<ConfigProblem> problems(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigField field : fields) {
      field
          .problemWith(values.get(field.name()))
          .ifPresent(p -> problems.add(new ConfigProblem(field.name(), p)));
    }
    values.keySet().stream()
        .filter(name -> field(name).isEmpty())
        .sorted()
        .forEach(name -> problems.add(new ConfigProblem(name, "is not a field of this plugin")));
    return List.copyOf(problems);
  }
}
