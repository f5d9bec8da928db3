package org.kameng.plugin.api.config;

/**
 * The type of a {@link ConfigField}: what the admin UI renders and which text the host stores.
 * Values travel as text; the forms below are what {@link PluginConfig}'s typed getters parse.
 */
public enum FieldType {
  /** One line of text. */
  STRING,
  /** Several lines of text, for example a PEM key; may be marked secret. */
  TEXT,
  /** One line of secret text (a merchant key): a password input, always secret. */
  SECRET,
  /** A whole number in decimal, {@code -9223372036854775808} to {@code 9223372036854775807}. */
  INTEGER,
  /** {@code true} or {@code false}; a checkbox. */
  BOOLEAN,
  /** An absolute {@code https} or {@code http} URL, for example a gateway's API base. */
  URL,
  /** One of the field's {@link EnumOption} values; a drop-down. */
  ENUM,
  /** An amount and its ISO 4217 currency separated by a space, for example {@code 10.00 CNY}. */
  MONEY;

  /** Whether fields of this type may hold a secret. */
  public boolean canBeSecret() {
    return this == STRING || this == TEXT || this == SECRET;
  }

  /** Whether a regular expression may restrict fields of this type. */
  public boolean takesPattern() {
    return canBeSecret() || this == URL;
  }
}
