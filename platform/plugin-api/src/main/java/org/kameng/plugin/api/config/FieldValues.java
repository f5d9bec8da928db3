package org.kameng.plugin.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;

/** The text forms of {@link FieldType}: checking and parsing, shared by field and config. */
final class FieldValues {

  private FieldValues() {}

  static Optional<String> problem(
      FieldType type, Optional<String> pattern, List<EnumOption> options, String value) {
    if (pattern.isPresent() && !Pattern.compile(pattern.get()).matcher(value).matches()) {
      return Optional.of("does not have the expected format");
    }
    try {
      switch (type) {
        case INTEGER -> Long.parseLong(value);
        case BOOLEAN -> bool(value);
        case URL -> url(value);
        case MONEY -> money(value);
        case ENUM -> {
          if (options.stream().noneMatch(o -> o.value().equals(value))) {
            return Optional.of("is not one of the offered choices");
          }
        }
        case STRING, SECRET -> {
          if (value.contains("\n") || value.contains("\r")) {
            return Optional.of("must be a single line");
          }
        }
        case TEXT -> {}
      }
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid " + type.name().toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  static boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not true or false");
    };
  }

  static URI url(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL", e);
    }
  }

  static Money money(String value) {
    String[] parts = value.strip().split(" ");
    if (parts.length != 2) {
      throw new IllegalArgumentException("not '<amount> <currency>'");
    }
    return Money.parse(parts[0], parts[1]);
  }
}
