package org.kameng.plugins.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code v1=} and the lowercase hex HMAC-SHA256, under the shop's
 * signing secret (its UTF-8 bytes), of the decimal Unix timestamp, a full stop, and the exact body
 * bytes. The timestamp is signed so a receiver can refuse old deliveries replayed by someone who
 * captured one (docs/operations/webhooks.md says how).
 */
final class WebhookSignature {

  /** The headers of a delivery. */
  static final String ID_HEADER = "Kameng-Webhook-Id";

  static final String TIMESTAMP_HEADER = "Kameng-Webhook-Timestamp";
  static final String SIGNATURE_HEADER = "Kameng-Webhook-Signature";

  private WebhookSignature() {}

  /** The header value for a body sent at {@code timestamp}. */
  static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      return "v1=" + HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
