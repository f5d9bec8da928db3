package org.kameng.server.themes;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kameng.kernel.text.PlainText;

/**
 * Checks a reseller's theme settings against the theme's declaration, value by value, and merges
 * them over the defaults. Whatever passes is safe to hand to a template: colours are plain hex,
 * links are https or the theme's own assets, text has no control characters.
 */
public final class SettingsCheck {

  private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
  private static final Pattern ASSET = Pattern.compile("^/assets/[A-Za-z0-9._/-]{1,200}$");

  private SettingsCheck() {}

  /** One setting at fault, named as the admin API names it ({@code settings.<id>}). */
  public record Fault(String field, String message) {}

  /** The effective settings (defaults merged with the given values), or the faults. */
  public record Outcome(Map<String, Object> settings, List<Fault> faults) {
    public boolean valid() {
      return faults.isEmpty();
    }
  }

  /** Checks {@code values} (settings by id; null means none changed) against {@code manifest}. */
  public static Outcome check(ThemeManifest manifest, Map<String, Object> values) {
    Map<String, Object> effective = new LinkedHashMap<>();
    manifest.settings().forEach(s -> effective.put(s.id(), s.defaultValue()));
    List<Fault> faults = new ArrayList<>();
    if (values != null) {
      values.forEach(
          (id, value) -> {
            ThemeSetting setting = manifest.setting(id);
            if (setting == null) {
              faults.add(new Fault("settings." + id, "is not a setting of this theme"));
              return;
            }
            for (String message : faults(setting, value)) {
              faults.add(new Fault("settings." + id, message));
            }
            effective.put(id, value == null ? setting.defaultValue() : normalised(value));
          });
    }
    faults.sort((a, b) -> a.field().compareTo(b.field()));
    return new Outcome(effective, List.copyOf(faults));
  }

  /** Why {@code value} is not a valid value of {@code setting}; empty if it is (null resets). */
  static List<String> faults(ThemeSetting setting, Object value) {
    if (value == null) {
      return List.of();
    }
    switch (setting.type()) {
      case "color":
        return value instanceof String s && COLOR.matcher(s).matches()
            ? List.of()
            : List.of("must be a colour like #1a2b3c");
      case "text":
        return text(setting, value);
      case "url":
        return url(value);
      case "select":
        return setting.options().contains(value)
            ? List.of()
            : List.of("must be one of " + String.join(", ", setting.options()));
      case "boolean":
        return value instanceof Boolean ? List.of() : List.of("must be true or false");
      case "integer":
        Object whole = normalised(value);
        if (whole instanceof Integer i && i >= setting.min() && i <= setting.max()) {
          return List.of();
        }
        return List.of("must be a whole number from " + setting.min() + " to " + setting.max());
      case "sections":
        return sections(setting, value);
      default:
        return List.of("has a type this platform does not know");
    }
  }

  // JSON readers hand numbers over as BigDecimal, Long or Integer: a whole number is an Integer.
  private static Object normalised(Object value) {
    if (value instanceof Number n && !(value instanceof Integer)) {
      try {
        return new java.math.BigDecimal(n.toString()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static List<String> text(ThemeSetting setting, Object value) {
    if (!(value instanceof String s)) {
      return List.of("must be text");
    }
    if (s.length() > setting.max()) {
      return List.of("must be at most " + setting.max() + " characters");
    }
    boolean plain = setting.multiline() ? PlainText.isMultiLine(s) : PlainText.isSingleLine(s);
    return plain
        ? List.of()
        : List.of(setting.multiline() ? "must not contain control characters" : "must be one line");
  }

  private static List<String> url(Object value) {
    if (!(value instanceof String s)) {
      return List.of("must be a link");
    }
    if (s.isEmpty() || ASSET.matcher(s).matches() && !s.contains("..")) {
      return List.of();
    }
    try {
      URI uri = new URI(s);
      if ("https".equals(uri.getScheme()) && uri.getHost() != null && s.length() <= 500) {
        return List.of();
      }
    } catch (java.net.URISyntaxException e) {
      // Falls through to the message below.
    }
    return List.of("must be an https:// link or a theme asset path");
  }

  private static List<String> sections(ThemeSetting setting, Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of("must be a list of sections");
    }
    var seen = new HashSet<Object>();
    for (Object item : list) {
      if (!setting.options().contains(item) || !seen.add(item)) {
        return List.of(
            "must list each of " + String.join(", ", setting.options()) + " at most once");
      }
    }
    return List.of();
  }
}
