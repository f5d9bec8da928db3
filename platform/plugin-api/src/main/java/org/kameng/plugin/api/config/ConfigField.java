package org.kameng.plugin.api.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kameng.plugin.api.LocalizedText;

/**
 * One field of a {@link ConfigSchema}. Immutable; build one with a factory such as {@link
 * #of(String, FieldType, LocalizedText)} and the {@code with…} methods.
 *
 * @param name the key the value is stored under: a letter, then letters and digits, at most 64
 *     characters, for example {@code merchantKey}; never changes once published
 * @param type what the field holds
 * @param label what the admin UI shows
 * @param required whether the configuration is invalid without a value
 * @param secret whether the value is a secret: encrypted at rest, write-only in the admin API,
 *     never logged; only for {@link FieldType#canBeSecret()} types, always for {@code SECRET}
 * @param pattern a regular expression the whole value must match; only for {@link
 *     FieldType#takesPattern()} types
 * @param options the choices of an {@code ENUM} field, at least one, distinct values; empty for
 *     other types
 * @param defaultValue the value proposed to the admin, valid for the field; never for secrets
 */
public record ConfigField(
    String name,
    FieldType type,
    LocalizedText label,
    boolean required,
    boolean secret,
    Optional<String> pattern,
    List<EnumOption> options,
    Optional<String> defaultValue) {

  private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

  /** Checks the field's rules; every message names the field. */
  public ConfigField {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "field name must be a letter then letters or digits, at most 64: " + name);
    }
    Objects.requireNonNull(type, "type of " + name);
    Objects.requireNonNull(label, "label of " + name);
    Objects.requireNonNull(pattern, "pattern of " + name);
    options = List.copyOf(Objects.requireNonNull(options, "options of " + name));
    Objects.requireNonNull(defaultValue, "defaultValue of " + name);
    if (type == FieldType.SECRET && !secret) {
      throw new IllegalArgumentException("field " + name + ": a SECRET field is always secret");
    }
    if (secret && !type.canBeSecret()) {
      throw new IllegalArgumentException("field " + name + ": a " + type + " cannot be secret");
    }
    if (pattern.isPresent()) {
      if (!type.takesPattern()) {
        throw new IllegalArgumentException("field " + name + ": a " + type + " takes no pattern");
      }
      try {
        Pattern.compile(pattern.get());
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("field " + name + ": invalid pattern", e);
      }
    }
    if ((type == FieldType.ENUM) == options.isEmpty()) {
      throw new IllegalArgumentException(
          "field " + name + ": options are required for ENUM fields and only for them");
    }
    if (new HashSet<>(options.stream().map(EnumOption::value).toList()).size() != options.size()) {
      throw new IllegalArgumentException("field " + name + ": option values must be distinct");
    }
    if (defaultValue.isPresent()) {
      if (secret) {
        throw new IllegalArgumentException("field " + name + ": a secret has no default");
      }
      FieldValues.problem(type, pattern, options, defaultValue.get())
          .ifPresent(p -> failDefault(name, p));
    }
  }

  /** A required, non-secret field of any type but {@code ENUM} and {@code SECRET}. */
  public static ConfigField of(String name, FieldType type, LocalizedText label) {
    boolean secret = type == FieldType.SECRET;
    return new ConfigField(
        name, type, label, true, secret, Optional.empty(), List.of(), Optional.empty());
  }

  /** A required {@code ENUM} field with these options. */
  public static ConfigField choice(String name, LocalizedText label, EnumOption... options) {
    return new ConfigField(
        name,
        FieldType.ENUM,
        label,
        true,
        false,
        Optional.empty(),
        List.of(options),
        Optional.empty());
  }

  /** This field, but optional. */
  public ConfigField optional() {
    return new ConfigField(name, type, label, false, secret, pattern, options, defaultValue);
  }

  /** This field, marked secret ({@code STRING} or {@code TEXT}, for example a private key). */
  public ConfigField asSecret() {
    return new ConfigField(name, type, label, required, true, pattern, options, defaultValue);
  }

  /** This field with a pattern the whole value must match. */
  public ConfigField withPattern(String regex) {
    return new ConfigField(
        name, type, label, required, secret, Optional.of(regex), options, defaultValue);
  }

  /** This field with a default value. */
  public ConfigField withDefault(String value) {
    return new ConfigField(
        name, type, label, required, secret, pattern, options, Optional.of(value));
  }

  /**
   * What is wrong with a value entered for this field, if anything; the message never repeats the
   * value. A blank value is "missing", and a problem only when the field is required.
   */
  public Optional<String> problemWith(String value) {
    if (value == null || value.isBlank()) {
      return required ? Optional.of("a value is required") : Optional.empty();
    }
    return FieldValues.problem(type, pattern, options, value);
  }

  private static void failDefault(String name, String problem) {
    throw new IllegalArgumentException("field " + name + ": invalid default value: " + problem);
  }
}
