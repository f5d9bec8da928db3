package org.kameng.server.themes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Escapes every string a template can see before it sees it. Liquid writes {@code {{ value }}} as
 * is; escaping at the point where the context is built means a theme author cannot forget it in any
 * one place: a product name, a description or an announcement (tenant input, possibly hostile)
 * reaches the page as text, in element content and in quoted attributes alike.
 */
public final class Html {

  private Html() {}

  /** HTML-escapes {@code text} for element content and single- or double-quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      String entity =
          switch (ch) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '`' -> "&#96;";
            default -> null;
          };
      if (entity != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(ch);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * A copy of {@code value} fit for a template: maps, lists, numbers and booleans as they are,
   * every string escaped, anything else refused, so no Java object (and none of its getters)
   * reaches a template.
   */
  public static Object escapeAll(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof String s) {
      return escape(s);
    }
    if (value instanceof Trusted t) {
      return t.html();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), escapeAll(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(escapeAll(v)));
      return copy;
    }
    throw new IllegalArgumentException("not a template value: " + value.getClass().getName());
  }

  /** HTML the platform built itself from escaped parts, passed to templates as is. */
  public record Trusted(String html) {}
}
