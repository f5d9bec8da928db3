package org.kameng.server.themes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import liqp.Template;

/**
 * A theme loaded and parsed: its declaration, its templates and snippets parsed once, its locale
 * texts and its assets. Immutable; a changed theme is a new {@code Theme} with a new version.
 *
 * @param version a digest of every file of the theme: asset URLs carry it, so browsers may cache
 *     them forever and still see a new version at once
 */
public record Theme(
    ThemeManifest manifest,
    String version,
    Map<String, Template> pages,
    Map<String, Map<String, String>> locales,
    Map<String, Asset> assets) {

  /** The pages every theme renders, each a template {@code templates/<page>.liquid}. */
  public static final List<String> PAGES =
      List.of("layout", "home", "product", "checkout", "pay", "order", "lookup", "error");

  /** The locales every theme translates, each a file {@code locales/<locale>.json}. */
  public static final List<String> LOCALES = List.of("zh-CN", "en");

  /** A static file of the theme, with its media type. */
  public record Asset(String contentType, byte[] bytes) {}

  public String name() {
    return manifest.name();
  }

  /** The theme's texts in {@code locale}, falling back to English for keys it lacks. */
  public Map<String, String> texts(String locale) {
    return locales.getOrDefault(locale, locales.get("en"));
  }

  public Optional<Asset> asset(String file) {
    return Optional.ofNullable(assets.get(file));
  }
}
