package org.kameng.plugin.api.http;

import java.util.Objects;

/**
 * What the host answers to an {@link InboundRequest}, as a plugin dictates it: for a payment notify
 * this is the acknowledgement the provider expects, byte for byte (EPay's plain {@code success}),
 * because anything else makes the provider re-send. Immutable.
 *
 * @param status the HTTP status: 2xx, 4xx or 5xx; a reply never redirects
 * @param contentType the {@code Content-Type}, for example {@code text/plain; charset=UTF-8}
 * @param body the body, sent exactly
 */
public record InboundReply(int status, String contentType, Body body) {

  /** Checks the status and content type. */
  public InboundReply {
    if (status < 200 || status > 599 || (status >= 300 && status < 400)) {
      throw new IllegalArgumentException("reply status must be 2xx, 4xx or 5xx: " + status);
    }
    if (contentType == null
        || contentType.isBlank()
        || contentType.contains("\n")
        || contentType.contains("\r")) {
      throw new IllegalArgumentException("contentType must be one non-blank line");
    }
    Objects.requireNonNull(body, "body");
  }

  /** A 200 plain-text reply, for example {@code text("success")}. */
  public static InboundReply text(String text) {
    return text(200, text);
  }

  /** A plain-text reply with this status. */
  public static InboundReply text(int status, String text) {
    return new InboundReply(status, "text/plain; charset=UTF-8", Body.utf8(text));
  }

  /** An HTML page with this status, UTF-8. */
  public static InboundReply html(int status, String html) {
    return new InboundReply(status, "text/html; charset=UTF-8", Body.utf8(html));
  }

  /** A 200 JSON reply. */
  public static InboundReply json(String json) {
    return new InboundReply(200, "application/json", Body.utf8(json));
  }
}
