package org.kameng.docking.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing recipe of Kameng's reseller API, for both ends: a client signs each request with
 * {@link #headers}; the shop rebuilds the {@link #canonical} string from what it received and
 * compares HMACs. The recipe, with a worked example a test checks, is in
 * docs/docking/reseller-api.md; a client in another language reimplements these few lines.
 *
 * <pre>
 * canonical = METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
 * signature = hex(HMAC-SHA256(secret as UTF-8, canonical as UTF-8))
 * </pre>
 *
 * <p>PATH is the request target exactly as sent (raw, percent-encoding untouched), with the query
 * string if there is one. TIMESTAMP is Unix seconds. An empty body hashes as zero bytes. Stateless
 * and thread-safe.
 */
public final class RequestSignature {

  /** The key id the shop issued (public). */
  public static final String KEY = "X-Kameng-Key";

  /** Unix seconds when the request was signed; the shop accepts five minutes either way. */
  public static final String TIMESTAMP = "X-Kameng-Timestamp";

  /** 16-64 characters of {@code A-Z a-z 0-9 _ -}, never used twice with the same key. */
  public static final String NONCE = "X-Kameng-Nonce";

  /** The HMAC, 64 lowercase hex digits. */
  public static final String SIGNATURE = "X-Kameng-Signature";

  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestSignature() {}

  /** The string both ends sign. */
  public static String canonical(
      String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
    return method.toUpperCase(Locale.ROOT)
        + "\n"
        + Objects.requireNonNull(pathAndQuery)
        + "\n"
        + Objects.requireNonNull(timestamp)
        + "\n"
        + Objects.requireNonNull(nonce)
        + "\n"
        + bodyHash(body);
  }

  /** hex(SHA-256(body)); a null body is the empty body. */
  public static String bodyHash(byte[] body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** hex(HMAC-SHA256(secret, canonical)). */
  public static String sign(String secret, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A fresh random nonce: 32 hex digits. */
  public static String newNonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The four headers that sign a request.
   *
   * @param pathAndQuery the request target as it will be sent, e.g. {@code /api/reseller/v1/orders}
   */
  public static Map<String, String> headers(
      String keyId,
      String secret,
      String method,
      String pathAndQuery,
      byte[] body,
      Instant now,
      String nonce) {
    String timestamp = Long.toString(now.getEpochSecond());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(KEY, keyId);
    headers.put(TIMESTAMP, timestamp);
    headers.put(NONCE, nonce);
    headers.put(SIGNATURE, sign(secret, canonical(method, pathAndQuery, timestamp, nonce, body)));
    return headers;
  }
}
