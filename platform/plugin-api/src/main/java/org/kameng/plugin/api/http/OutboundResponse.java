package org.kameng.plugin.api.http;

import java.util.Objects;

/**
 * The response to an {@link OutboundRequest}, fully read. Immutable.
 *
 * @param status the HTTP status code; a 3xx when the host did not follow a redirect (see {@link
 *     OutboundHttp})
 * @param headers the response's header fields
 * @param body the body, at most the host's size limit (1 MiB unless the operator set another)
 */
public record OutboundResponse(int status, Headers headers, Body body) {

  /** Checks the status range. */
  public OutboundResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + status);
    }
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
