package org.kameng.plugin.api.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request a plugin asks the host to send through {@link OutboundHttp}. Immutable.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} or {@code
 *     HEAD}
 * @param uri an absolute {@code https} or {@code http} URI with a host
 * @param headers the header fields; the host sets {@code Host}, {@code Content-Length} and {@code
 *     User-Agent} itself
 * @param body the body; empty for {@code GET} and {@code HEAD}
 * @param timeout how long the whole exchange may take, 1 ms to 60 s; the host may cut it shorter to
 *     stay within the call's own time limit
 */
public record OutboundRequest(
    String method, URI uri, Headers headers, Body body, Duration timeout) {

  /** The timeout of {@link #get} and {@link #post}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  /** Checks method, URI, body and timeout. */
  public OutboundRequest {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unsupported HTTP method: " + method);
    }
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
      throw new IllegalArgumentException("uri must be an absolute http(s) URI with a host: " + uri);
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("uri must not carry credentials; use a header");
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (!body.isEmpty() && (method.equals("GET") || method.equals("HEAD"))) {
      throw new IllegalArgumentException(method + " requests carry no body");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("timeout must be between 1 ms and 60 s: " + timeout);
    }
  }

  /** A {@code GET} with the default timeout. */
  public static OutboundRequest get(URI uri) {
    return new OutboundRequest("GET", uri, Headers.none(), Body.empty(), DEFAULT_TIMEOUT);
  }

  /** A {@code POST} of a body with its content type and the default timeout. */
  public static OutboundRequest post(URI uri, String contentType, Body body) {
    return new OutboundRequest(
        "POST", uri, Headers.of(Map.of("Content-Type", contentType)), body, DEFAULT_TIMEOUT);
  }

  /** This request with more header fields (added to the existing ones). */
  public OutboundRequest withHeaders(Map<String, String> more) {
    Map<String, List<String>> merged = new LinkedHashMap<>(headers.values());
    Objects.requireNonNull(more, "more").forEach((n, v) -> merged.put(n, List.of(v)));
    return new OutboundRequest(method, uri, new Headers(merged), body, timeout);
  }

  /** This request with another timeout. */
  public OutboundRequest withTimeout(Duration other) {
    return new OutboundRequest(method, uri, headers, body, other);
  }
}
