package org.kameng.plugins.epay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The EPay v1 signature: every non-empty parameter except {@code sign} and {@code sign_type},
 * sorted by name in ASCII order, joined as {@code k=v&k2=v2} with the raw (not URL-encoded) values,
 * the merchant key appended directly, MD5 over the UTF-8 bytes, lower-case hex. Immutable and
 * thread-safe; it never reveals the key.
 */
final class EpaySignature {

  /** The only {@code sign_type} of protocol v1. */
  static final String SIGN_TYPE = "MD5";

  private final String merchantKey;

  /**
   * A signature with this merchant key.
   *
   * @throws IllegalArgumentException if the key is blank: anyone could sign with it
   */
  EpaySignature(String merchantKey) {
    if (merchantKey == null || merchantKey.isBlank()) {
      throw new IllegalArgumentException("the merchant key must not be blank");
    }
    this.merchantKey = merchantKey;
  }

  /** The lower-case hex signature of these parameters. */
  String sign(Map<String, String> parameters) {
    return HexFormat.of().formatHex(digest(parameters));
  }

  /**
   * Whether {@code received} is the signature of these parameters. Compares digests in constant
   * time, so response timing does not tell a forger how many leading characters were right.
   */
  boolean verify(Map<String, String> parameters, String received) {
    byte[] claimed;
    try {
      // hex digits are not secret; accepting upper case costs nothing and avoids false rejections
      claimed = HexFormat.of().parseHex(received.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest(parameters), claimed);
  }

  /** The exact text that is hashed, without the key; for tests and support. */
  static String canonical(Map<String, String> parameters) {
    // TreeMap orders String keys by UTF-16 code unit, which equals ASCII order for ASCII names
    Map<String, String> sorted = new TreeMap<>();
    Objects.requireNonNull(parameters, "parameters")
        .forEach(
            (name, value) -> {
              if (!isExcluded(name) && value != null && !value.isEmpty()) {
                sorted.put(name, value);
              }
            });
    StringJoiner joined = new StringJoiner("&");
    sorted.forEach((name, value) -> joined.add(name + "=" + value));
    return joined.toString();
  }

  private static boolean isExcluded(String name) {
    return name.equals("sign") || name.equals("sign_type");
  }

  private byte[] digest(Map<String, String> parameters) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return md5.digest((canonical(parameters) + merchantKey).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide MD5
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "EpaySignature[MD5]";
  }
}
