package org.kameng.kernel.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the small, flat JSON objects the kernel stores (price snapshots, buyer inputs, job
 * payloads). Values are strings, whole numbers or nested flat objects; strings are escaped per RFC
 * 8259, so buyer input can never break out of its value.
 */
public final class FlatJson {

  private final Map<String, String> members = new LinkedHashMap<>();

  /** Adds a string member. */
  public FlatJson put(String name, String value) {
    members.put(name, value == null ? "null" : quote(value));
    return this;
  }

  /** Adds a number member. */
  public FlatJson put(String name, long value) {
    members.put(name, Long.toString(value));
    return this;
  }

  /** Adds a nested object member. */
  public FlatJson put(String name, FlatJson value) {
    members.put(name, value.toString());
    return this;
  }

  /** Adds an array of flat objects. */
  public FlatJson put(String name, List<FlatJson> values) {
    StringBuilder out = new StringBuilder("[");
    for (FlatJson value : values) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(value);
    }
    members.put(name, out.append(']').toString());
    return this;
  }

  /** An object of string members. */
  public static FlatJson ofStrings(Map<String, String> values) {
    FlatJson json = new FlatJson();
    values.forEach(json::put);
    return json;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    members.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append(quote(name)).append(':').append(value);
        });
    return out.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
