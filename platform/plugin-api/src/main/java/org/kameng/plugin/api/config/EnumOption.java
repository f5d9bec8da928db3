package org.kameng.plugin.api.config;

import java.util.Objects;
import org.kameng.plugin.api.LocalizedText;

/**
 * One choice of an {@link FieldType#ENUM} field.
 *
 * @param value what is stored and what {@link PluginConfig#string} returns, for example {@code
 *     alipay}; 1 to 64 characters, no surrounding blanks
 * @param label what the admin UI shows
 */
public record EnumOption(String value, LocalizedText label) {

  /** Refuses a blank or oversized value and a missing label. */
  public EnumOption {
    if (value == null || value.isBlank() || value.length() > 64 || !value.equals(value.strip())) {
      throw new IllegalArgumentException(
          "option value must be 1 to 64 characters without surrounding blanks: " + value);
    }
    Objects.requireNonNull(label, "label");
  }

  /** Returns an option. */
  public static EnumOption of(String value, String zhCn, String en) {
    return new EnumOption(value, LocalizedText.of(zhCn, en));
  }
}
