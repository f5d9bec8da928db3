package org.kameng.plugin.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in the two languages Kameng's admin UI and storefront speak: simplified Chinese and
 * English. Used for plugin names, config field labels and option labels. Immutable.
 *
 * @param zhCn the text for {@code zh-CN}; not blank
 * @param en the text for {@code en}; not blank
 */
public record LocalizedText(String zhCn, String en) {

  /** Refuses missing or blank texts: the admin UI would show an empty label. */
  public LocalizedText {
    zhCn = requireText(zhCn, "zhCn");
    en = requireText(en, "en");
  }

  /** Returns a text with its Chinese and English forms. */
  public static LocalizedText of(String zhCn, String en) {
    return new LocalizedText(zhCn, en);
  }

  /** Returns the Chinese text for any Chinese locale, otherwise the English one. */
  public String in(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    return "zh".equals(locale.getLanguage()) ? zhCn : en;
  }

  private static String requireText(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return text.strip();
  }
}
