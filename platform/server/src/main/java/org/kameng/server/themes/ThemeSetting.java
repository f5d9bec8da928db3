package org.kameng.server.themes;

import java.util.List;
import java.util.Map;

/**
 * One setting a theme declares in its {@code theme.json}: what a reseller may change, of which
 * type, within which bounds, and its default.
 *
 * @param id the setting's name in templates ({@code settings.<id>}) and in the admin API
 * @param type one of {@code color} (#rrggbb), {@code text}, {@code url} (https, or a theme asset
 *     path), {@code select} (one of {@code options}), {@code boolean}, {@code integer} ({@code
 *     min}..{@code max}), {@code sections} (an ordered subset of {@code options})
 * @param label the setting's name for the admin UI, by locale
 * @param defaultValue what applies until the reseller changes it
 * @param options the allowed values of {@code select} and {@code sections}
 * @param min the least value of an {@code integer}
 * @param max the greatest value of an {@code integer}, or the longest {@code text}
 * @param multiline whether a {@code text} may span lines
 */
public record ThemeSetting(
    String id,
    String type,
    Map<String, String> label,
    Object defaultValue,
    List<String> options,
    int min,
    int max,
    boolean multiline) {

  /** The types a setting may have. */
  public static final List<String> TYPES =
      List.of("color", "text", "url", "select", "boolean", "integer", "sections");
}
