package org.kameng.plugins.docking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reseller API's signing recipe, written from docs/docking/reseller-api.md (a plugin may not
 * depend on the platform's own signing module): {@code hex(HMAC-SHA256(secret, METHOD \n PATH \n
 * TIMESTAMP \n NONCE \n hex(SHA-256(body))))}.
 */
final class Signing {

  static final String KEY = "X-Kameng-Key";
  static final String TIMESTAMP = "X-Kameng-Timestamp";
  static final String NONCE = "X-Kameng-Nonce";
  static final String SIGNATURE = "X-Kameng-Signature";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Signing() {}

  static String canonical(
      String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
    return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256(body);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String hmac(String secret, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The four headers of a request signed at {@code epochSecond}. */
  static Map<String, String> headers(
      String keyId,
      String secret,
      String method,
      String pathAndQuery,
      byte[] body,
      long epochSecond) {
    String timestamp = Long.toString(epochSecond);
    String nonce = nonce();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(KEY, keyId);
    headers.put(TIMESTAMP, timestamp);
    headers.put(NONCE, nonce);
    headers.put(SIGNATURE, hmac(secret, canonical(method, pathAndQuery, timestamp, nonce, body)));
    return headers;
  }
}
