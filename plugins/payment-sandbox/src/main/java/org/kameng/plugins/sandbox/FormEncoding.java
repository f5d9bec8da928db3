package org.kameng.plugins.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} text, UTF-8: the notify body, and the form the values
 * in the host's store take. One encoding for both keeps the plugin free of libraries, and it round
 * trips any text, a hostile product name included.
 */
final class FormEncoding {

  private FormEncoding() {}

  /** The fields as {@code name=value&…} in their map order, names and values percent-encoded. */
  static String encode(Map<String, String> fields) {
    StringJoiner joined = new StringJoiner("&");
    Objects.requireNonNull(fields, "fields")
        .forEach(
            (name, value) ->
                joined.add(
                    URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  /**
   * The fields of an encoded text, in order.
   *
   * @throws IllegalArgumentException if a pair has no {@code =}, a name repeats or an escape is
   *     malformed
   */
  static Map<String, String> decode(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (Objects.requireNonNull(text, "text").isEmpty()) {
      return Map.of();
    }
    for (String pair : text.split("&", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("a pair has no '='");
      }
      String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      if (fields.put(name, value) != null) {
        throw new IllegalArgumentException("a name repeats");
      }
    }
    return Collections.unmodifiableMap(fields);
  }
}
