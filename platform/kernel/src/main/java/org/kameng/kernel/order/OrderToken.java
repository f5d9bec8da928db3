package org.kameng.kernel.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The buyer's bearer secret for an order: 256 random bits, base64url. Only its SHA-256 is stored;
 * with that much entropy a plain hash cannot be searched, and a database dump reveals no token.
 */
public final class OrderToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OrderToken() {}

  /** A fresh token. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored and looked up instead of the token. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
