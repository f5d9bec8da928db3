package org.kameng.plugins.example;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shop's Example Pay secret key and the one thing done with it: the protocol's HMAC-SHA256 over a
 * message's canonical text, as lower-case hex. Immutable and thread-safe; it never reveals the key,
 * not even in {@link #toString()}.
 *
 * <p>The canonical text of a message is every field but {@code signature}, sorted by name, written
 * {@code name=value} with the raw (decoded) value and joined with {@code &}, in UTF-8. Because
 * every field is signed, a field an attacker adds breaks the signature as surely as one changed.
 */
final class MerchantKey {

  /** The field that carries a message's signature. */
  static final String SIGNATURE = "signature";

  /** Example Pay issues keys of 32 random bytes, written as 64 lower-case hex characters. */
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

  /**
   * Keys anyone could know. Example Pay's documentation signs its examples with this key, and shops
   * paste it while trying things out. Put your provider's published sample keys here.
   */
  private static final Set<String> DOCUMENTED =
      Set.of("39973e7028c6ad51b7e97abbd604121a4616424ba283b18ad848cb1a29d4ab32");

  /** Fewer distinct characters than this is typed, not generated (random hex has about 16). */
  private static final int MINIMUM_DISTINCT = 10;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * A key for signing.
   *
   * @throws IllegalArgumentException naming the field if the key has a {@linkplain #problem
   *     problem}; the message never contains the key
   */
  MerchantKey(String key) {
    if (problem(key).isPresent()) {
      throw new IllegalArgumentException(
          "unusable Example Pay configuration, check: " + ExamplePayChannelFactory.SECRET_KEY);
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), ALGORITHM);
  }

  /**
   * What is wrong with a key as entered, if anything; the message never repeats the key.
   *
   * @param key the value, possibly null or blank
   */
  static Optional<String> problem(String key) {
    if (key == null || key.isBlank()) {
      return Optional.of("the secret key is required");
    }
    if (!FORMAT.matcher(key).matches()) {
      return Optional.of(
          "an Example Pay secret key is 64 characters of 0-9 and a-f; copy it from the Example Pay"
              + " dashboard");
    }
    if (DOCUMENTED.contains(key)) {
      return Optional.of(
          "this is the sample key of Example Pay's documentation, which anyone can sign with;"
              + " create your own key in the Example Pay dashboard");
    }
    if (key.chars().distinct().count() < MINIMUM_DISTINCT || repeatsABlock(key)) {
      return Optional.of(
          "the secret key follows a pattern, so it is not secret; create a new key in the Example"
              + " Pay dashboard");
    }
    return Optional.empty();
  }

  /** The canonical text of a message's fields; see the class comment. */
  static String canonical(Map<String, String> fields) {
    StringJoiner text = new StringJoiner("&");
    new TreeMap<>(fields)
        .forEach(
            (name, value) -> {
              if (!name.equals(SIGNATURE)) {
                text.add(name + "=" + value);
              }
            });
    return text.toString();
  }

  /** The signature of a message's fields: lower-case hex HMAC-SHA256 of their canonical text. */
  String sign(Map<String, String> fields) {
    return HexFormat.of().formatHex(mac(canonical(fields)));
  }

  /**
   * Whether {@code received} is the signature of the fields. Compares in constant time, so the
   * reply's timing does not tell a forger how much of a guess was right; only the exact lower-case
   * form matches, as the protocol defines it.
   */
  boolean verifies(Map<String, String> fields, String received) {
    byte[] expected = sign(fields).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // every Java platform provides HmacSHA256, and any non-empty key suits it
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** Whether the key is a shorter block written out twice or more ({@code 0123…0123…}). */
  private static boolean repeatsABlock(String key) {
    for (int period = 1; period <= key.length() / 2; period++) {
      if (key.regionMatches(0, key, period, key.length() - period)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "MerchantKey[HmacSHA256, hidden]";
  }
}
