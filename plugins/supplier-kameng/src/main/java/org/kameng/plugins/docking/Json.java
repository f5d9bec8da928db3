package org.kameng.plugins.docking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the reseller API's answers: objects, arrays, strings, numbers, booleans and
 * null, read into maps, lists, strings and {@link BigDecimal}s; and strings written safely. A
 * plugin gets no JSON library from the host, and bundling one for this would be most of the
 * archive. Bounded depth, so a hostile upstream cannot exhaust the stack.
 */
final class Json {

  private static final int MAX_DEPTH = 32;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON value.
   *
   * @throws IllegalArgumentException if the text is not JSON
   */
  static Object read(String text) {
    Json json = new Json(text);
    Object value = json.value(0);
    json.space();
    if (json.at != text.length()) {
      throw new IllegalArgumentException("trailing characters at " + json.at);
    }
    return value;
  }

  /** The string as a JSON string literal. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        default:
          if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
      }
    }
    return out.append('"').toString();
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("nested too deeply");
    }
    space();
    if (at >= text.length()) {
      throw new IllegalArgumentException("unexpected end");
    }
    char ch = text.charAt(at);
    if (ch == '{') {
      return object(depth);
    }
    if (ch == '[') {
      return array(depth);
    }
    if (ch == '"') {
      return string();
    }
    if (text.startsWith("true", at)) {
      at += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return null;
    }
    return number();
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return members;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw new IllegalArgumentException("expected a name at " + at);
      }
      String name = string();
      space();
      expect(':');
      members.put(name, value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return members;
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> items = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return items;
    }
    while (true) {
      items.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return items;
      }
    }
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    at++;
    while (at < text.length()) {
      char ch = text.charAt(at++);
      if (ch == '"') {
        return out.toString();
      }
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'u':
          if (at + 4 > text.length()) {
            throw new IllegalArgumentException("bad escape");
          }
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
          break;
        default:
          out.append(escaped);
      }
    }
    throw new IllegalArgumentException("unterminated string");
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("unexpected character at " + at);
    }
    return new BigDecimal(text.substring(start, at));
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char ch) {
    return at < text.length() && text.charAt(at) == ch;
  }

  private void expect(char ch) {
    if (!peek(ch)) {
      throw new IllegalArgumentException("expected '" + ch + "' at " + at);
    }
    at++;
  }
}
