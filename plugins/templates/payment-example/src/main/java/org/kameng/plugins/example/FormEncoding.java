package org.kameng.plugins.example;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.kameng.plugin.api.http.Parameters;

/**
 * {@code application/x-www-form-urlencoded} text in UTF-8, the encoding Example Pay uses for the
 * redirect's query, the status query and its answer. The host decodes inbound notifies itself
 * ({@code InboundRequest.form()}); this is for what the plugin builds and what it reads from {@code
 * OutboundHttp}. The JDK does the escaping, so the plugin needs no library.
 */
final class FormEncoding {

  private FormEncoding() {}

  /** The fields as {@code name=value&…} in their map order, names and values escaped. */
  static String encode(Map<String, String> fields) {
    StringJoiner text = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            text.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return text.toString();
  }

  /**
   * The fields of an encoded text, repeats kept so that the verifier can refuse them.
   *
   * @throws IllegalArgumentException if an escape is malformed
   */
  static Parameters decode(String text) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      if (!name.isEmpty()) {
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new Parameters(fields);
  }
}
