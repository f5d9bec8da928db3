package org.kameng.plugin.api.http;

import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request the host received for a plugin, for example a payment provider's notify or an
 * upstream supplier's callback, passed on exactly as received. Immutable.
 *
 * <p>The host routes by URL (the URL names tenant, configuration and payment or order line) and
 * passes the rest on untouched; it does not authenticate the request, that is the plugin's job.
 *
 * @param method the HTTP method, upper case
 * @param path the request path as received, for example {@code
 *     /api/public/notify/<tenant>/<config>/<payment>}
 * @param query the decoded query parameters
 * @param form the decoded {@code application/x-www-form-urlencoded} body parameters; empty for
 *     other content types
 * @param headers the header fields
 * @param body the raw body bytes, as received (also when they were decoded into {@code form})
 * @param remoteAddress the client's IP address as the host determined it behind its trusted
 *     proxies, for providers that publish their notify addresses
 */
public record InboundRequest(
    String method,
    String path,
    Parameters query,
    Parameters form,
    Headers headers,
    Body body,
    String remoteAddress) {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** Refuses missing parts. */
  public InboundRequest {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unsupported HTTP method: " + method);
    }
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (remoteAddress == null || remoteAddress.isBlank()) {
      throw new IllegalArgumentException("remoteAddress must not be blank");
    }
  }
}
