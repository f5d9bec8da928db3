package org.kameng.plugin.testkit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;

/**
 * Edits of a notify's parameters, and the garbage an attacker or a broken proxy sends to a notify
 * URL. Parameters may sit in the query, the form or both; an edit applies wherever the name
 * appears. A form body is re-encoded after an edit, so a channel that reads the raw body sees the
 * same edit as one that reads the decoded form.
 */
final class Forgeries {

  private static final String FORM = "application/x-www-form-urlencoded";

  private Forgeries() {}

  /** The first value of a parameter in the query, else in the form. */
  static Optional<String> value(InboundRequest request, String name) {
    return request.query().all(name).stream()
        .findFirst()
        .or(() -> request.form().all(name).stream().findFirst());
  }

  /** The request with this parameter's value replaced wherever it appears. */
  static InboundRequest replaced(InboundRequest request, String name, String value) {
    return edited(request, name, values -> List.of(value));
  }

  /** The request without this parameter. */
  static InboundRequest removed(InboundRequest request, String name) {
    return edited(request, name, values -> List.of());
  }

  /** The request with this parameter sent a second time, with {@code second} as its value. */
  static InboundRequest repeated(InboundRequest request, String name, String second) {
    return edited(
        request,
        name,
        values -> {
          List<String> more = new ArrayList<>(values);
          more.add(second);
          return more;
        });
  }

  /** The request sent with another method, parameters where they were. */
  static InboundRequest withMethod(InboundRequest request, String method) {
    return new InboundRequest(
        method,
        request.path(),
        request.query(),
        request.form(),
        request.headers(),
        request.body(),
        request.remoteAddress());
  }

  /** The request sent to another path. */
  static InboundRequest withPath(InboundRequest request, String path) {
    return new InboundRequest(
        request.method(),
        path,
        request.query(),
        request.form(),
        request.headers(),
        request.body(),
        request.remoteAddress());
  }

  /**
   * The same parameters the other way: a GET's query as a POST form, a POST's form (and query) as a
   * GET query. Providers are configured for one of the two, and proxies sometimes change it.
   */
  static InboundRequest otherMethod(InboundRequest request) {
    Map<String, List<String>> all = new LinkedHashMap<>(request.query().values());
    request.form().values().forEach((name, values) -> all.merge(name, values, Forgeries::concat));
    Parameters parameters = new Parameters(all);
    if (request.method().equals("GET")) {
      return form("POST", request.path(), Parameters.none(), parameters, request.remoteAddress());
    }
    return new InboundRequest(
        "GET",
        request.path(),
        parameters,
        Parameters.none(),
        Headers.none(),
        Body.empty(),
        request.remoteAddress());
  }

  /** A request with this query and form, the form encoded as the body when there is one. */
  static InboundRequest form(
      String method, String path, Parameters query, Parameters form, String remoteAddress) {
    if (form.values().isEmpty()) {
      return new InboundRequest(
          method, path, query, form, Headers.none(), Body.empty(), remoteAddress);
    }
    return new InboundRequest(
        method,
        path,
        query,
        form,
        Headers.of(Map.of("Content-Type", FORM)),
        Body.utf8(encoded(form)),
        remoteAddress);
  }

  /** A request with a raw body of this content type and no parameters. */
  static InboundRequest raw(String path, String contentType, byte[] body, String remoteAddress) {
    return new InboundRequest(
        "POST",
        path,
        Parameters.none(),
        Parameters.none(),
        Headers.of(Map.of("Content-Type", contentType)),
        Body.of(body),
        remoteAddress);
  }

  /** Every parameter of the request with its values, query first. */
  static Map<String, List<String>> parameters(InboundRequest request) {
    Map<String, List<String>> all = new LinkedHashMap<>(request.query().values());
    request.form().values().forEach((name, values) -> all.merge(name, values, Forgeries::concat));
    return all;
  }

  /**
   * The request with every parameter's every value replaced by {@code value}, for oversized and
   * malformed input.
   */
  static InboundRequest everyValue(InboundRequest request, String value) {
    InboundRequest edited = request;
    for (String name : parameters(request).keySet()) {
      edited = replaced(edited, name, value);
    }
    return edited;
  }

  /** The request with {@code count} made-up parameters added to its query or form. */
  static InboundRequest withExtras(InboundRequest request, int count, String value) {
    boolean inForm = !request.form().values().isEmpty();
    Map<String, List<String>> more =
        new LinkedHashMap<>((inForm ? request.form() : request.query()).values());
    for (int i = 0; i < count; i++) {
      more.put("x" + i, List.of(value));
    }
    Parameters extended = new Parameters(more);
    return inForm
        ? rebuilt(request, request.query(), extended)
        : rebuilt(request, extended, request.form());
  }

  /**
   * A plausible other value: the last digit or ASCII letter moved by one, so an amount stays an
   * amount and an id stays an id; anything else gets a character appended.
   */
  static String altered(String value) {
    if (value.isEmpty()) {
      return "1";
    }
    char last = value.charAt(value.length() - 1);
    String head = value.substring(0, value.length() - 1);
    if (last >= '0' && last <= '9') {
      return head + (char) ('0' + (last - '0' + 1) % 10);
    }
    if (last >= 'a' && last <= 'z') {
      return head + (char) ('a' + (last - 'a' + 1) % 26);
    }
    if (last >= 'A' && last <= 'Z') {
      return head + (char) ('A' + (last - 'A' + 1) % 26);
    }
    return value + "1";
  }

  /** The text with the case of every ASCII letter swapped. */
  static String flippedCase(String text) {
    StringBuilder flipped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      flipped.append(
          Character.isUpperCase(c)
              ? Character.toLowerCase(c)
              : Character.isLowerCase(c) ? Character.toUpperCase(c) : c);
    }
    return flipped.toString();
  }

  /** Bytes no protocol would send: every byte value, then seeded noise. */
  static byte[] junk(int size) {
    byte[] bytes = new byte[size];
    new Random(20261122).nextBytes(bytes);
    for (int i = 0; i < Math.min(256, size); i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  /**
   * Requests that are no notify at all, built around a genuine one's path and sender. Each must be
   * rejected, without an exception.
   */
  static Map<String, InboundRequest> garbage(InboundRequest genuine) {
    String path = genuine.path();
    String from = genuine.remoteAddress();
    Map<String, InboundRequest> rows = new LinkedHashMap<>();
    rows.put("an empty GET", form("GET", path, Parameters.none(), Parameters.none(), from));
    rows.put("an empty POST", form("POST", path, Parameters.none(), Parameters.none(), from));
    rows.put("binary junk", raw(path, "application/octet-stream", junk(4096), from));
    rows.put("binary junk declared as a form", raw(path, FORM, junk(4096), from));
    rows.put(
        "broken JSON",
        raw(path, "application/json", "{\"sign\":[".getBytes(StandardCharsets.UTF_8), from));
    Map<String, String> names = new LinkedHashMap<>();
    names.put("\u0000", "\u0000");
    names.put("签名", "\uFFFD");
    names.put("sign[]", "a");
    names.put("%00", "%");
    rows.put(
        "a form of junk names", form("POST", path, Parameters.none(), Parameters.of(names), from));
    if (!parameters(genuine).isEmpty()) {
      rows.put("every value empty", everyValue(genuine, ""));
      rows.put("every value a control character", everyValue(genuine, "\u0000"));
      // digits reach number parsers, which is where oversized input usually hurts
      rows.put("every value 64 KiB of digits", everyValue(genuine, "9".repeat(64 * 1024)));
      rows.put("every value 1 MiB of letters", everyValue(genuine, "A".repeat(1 << 20)));
    }
    return rows;
  }

  /**
   * A genuine notify, bent the ways proxies, retries and attackers bend requests. A channel may
   * accept or reject each, but must not throw, and if it accepts it must read the same facts.
   */
  static Map<String, InboundRequest> bent(InboundRequest genuine) {
    Map<String, InboundRequest> rows = new LinkedHashMap<>();
    InboundRequest other = otherMethod(genuine);
    rows.put("sent with " + other.method() + " instead", other);
    for (String method : List.of("PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
      rows.put("sent with " + method, withMethod(genuine, method));
    }
    rows.put("10,000 extra parameters", withExtras(genuine, 10_000, "1"));
    rows.put("an extra parameter 1 MiB long", withExtras(genuine, 1, "A".repeat(1 << 20)));
    Map<String, List<String>> headers = new LinkedHashMap<>(genuine.headers().values());
    headers.put("X-Forwarded-For", List.of("127.0.0.1", "::1"));
    headers.put("Content-Encoding", List.of("gzip"));
    headers.put("X-Junk", List.of("\u0000\uFFFD"));
    rows.put(
        "odd headers",
        new InboundRequest(
            genuine.method(),
            genuine.path(),
            genuine.query(),
            genuine.form(),
            new Headers(headers),
            genuine.body(),
            genuine.remoteAddress()));
    return rows;
  }

  private static InboundRequest edited(
      InboundRequest request, String name, UnaryOperator<List<String>> change) {
    boolean inQuery = !request.query().all(name).isEmpty();
    boolean inForm = !request.form().all(name).isEmpty();
    if (!inQuery && !inForm) {
      throw new AssertionError(
          "the notify has no parameter '"
              + name
              + "' to edit; check the names the test declares, or override the contract's hook"
              + " for protocols that sign a body or headers");
    }
    Parameters query = inQuery ? changed(request.query(), name, change) : request.query();
    Parameters form = inForm ? changed(request.form(), name, change) : request.form();
    return rebuilt(request, query, form);
  }

  private static Parameters changed(
      Parameters parameters, String name, UnaryOperator<List<String>> change) {
    Map<String, List<String>> values = new LinkedHashMap<>(parameters.values());
    values.put(name, change.apply(values.get(name)));
    return new Parameters(values);
  }

  private static InboundRequest rebuilt(InboundRequest request, Parameters query, Parameters form) {
    boolean encodedForm =
        request
            .headers()
            .first("Content-Type")
            .map(type -> type.toLowerCase(Locale.ROOT).startsWith(FORM))
            .orElse(false);
    return new InboundRequest(
        request.method(),
        request.path(),
        query,
        form,
        request.headers(),
        encodedForm ? Body.utf8(encoded(form)) : request.body(),
        request.remoteAddress());
  }

  private static String encoded(Parameters form) {
    StringJoiner body = new StringJoiner("&");
    form.values()
        .forEach(
            (name, values) ->
                values.forEach(
                    value ->
                        body.add(
                            URLEncoder.encode(name, StandardCharsets.UTF_8)
                                + "="
                                + URLEncoder.encode(value, StandardCharsets.UTF_8))));
    return body.toString();
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }
}
