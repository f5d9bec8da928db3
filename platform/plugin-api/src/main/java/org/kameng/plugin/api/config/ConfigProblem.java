package org.kameng.plugin.api.config;

/**
 * Something wrong with one field of a tenant's configuration, shown next to that field in the admin
 * UI. Returned by {@code ExtensionFactory.validate} and {@link ConfigSchema#problems}.
 *
 * @param field the {@link ConfigField#name()} at fault
 * @param message what is wrong and how to fix it, for the shop's admin; never the field's value,
 *     which may be a secret
 */
public record ConfigProblem(String field, String message) {

  /** Refuses blanks. */
  public ConfigProblem {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must not be blank");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
  }
}
