package org.kameng.plugins.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The shop's signing secret and the one thing done with it: HMAC-SHA256 over a notify's canonical
 * text, as lower-case hex. Although no money moves in the sandbox, a verified notify pays an order
 * and the kernel delivers its card keys, so a guessable secret gives goods away; {@link #problem}
 * refuses those at configuration. Immutable and thread-safe; it never reveals the secret.
 */
final class SigningSecret {

  static final int MINIMUM_LENGTH = 32;
  static final int MAXIMUM_LENGTH = 128;

  /**
   * Fewer distinct characters than this is typed, not generated: it catches {@code aaaa…} and
   * {@code abab…}, while a random 32-character hex secret has about 14 and an alphanumeric one
   * about 25.
   */
  private static final int MINIMUM_DISTINCT = 8;

  /**
   * Hex digests people paste as a "random" secret because they look random: the MD5 of a trivial
   * password. Compared in lower case.
   */
  private static final Set<String> PASTED_DIGESTS =
      Set.of(
          "e10adc3949ba59abbe56e057f20f883e", // md5("123456")
          "202cb962ac59075b964b07152d234b70", // md5("123")
          "21232f297a57a5a743894a0e4a801fc3", // md5("admin")
          "5f4dcc3b5aa765d61d8327deb882cf99", // md5("password")
          "098f6bcd4621d373cade4e832627b4f6"); // md5("test")

  /** Sequences typed along the digits, the alphabet or the keyboard, long enough for any secret. */
  private static final List<String> RUNS =
      List.of(
          "0123456789".repeat(14),
          "abcdefghijklmnopqrstuvwxyz".repeat(6),
          "0123456789abcdef".repeat(9),
          "0123456789abcdefghijklmnopqrstuvwxyz".repeat(4),
          "qwertyuiopasdfghjklzxcvbnm".repeat(6));

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * A secret for signing.
   *
   * @throws IllegalArgumentException if the secret has a {@linkplain #problem problem}
   */
  SigningSecret(String secret) {
    if (problem(secret).isPresent()) {
      // the problem text is safe, but naming the field is enough for the admin and the log
      throw new IllegalArgumentException(
          "unusable sandbox configuration, check: [" + SandboxChannelFactory.SIGNING_SECRET + "]");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), ALGORITHM);
  }

  /**
   * What is wrong with a secret as entered, if anything; the message never repeats the secret.
   *
   * @param secret the value, possibly null or blank
   */
  static Optional<String> problem(String secret) {
    if (secret == null || secret.isBlank()) {
      return Optional.of("the signing secret is required");
    }
    if (!secret.equals(secret.strip())) {
      return Optional.of("remove the blanks around the signing secret");
    }
    if (secret.length() < MINIMUM_LENGTH || secret.length() > MAXIMUM_LENGTH) {
      return Optional.of(
          "the signing secret must have "
              + MINIMUM_LENGTH
              + " to "
              + MAXIMUM_LENGTH
              + " characters; generate one, for example with `openssl rand -hex 32`");
    }
    if (secret.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      return Optional.of(
          "the signing secret may contain printable ASCII characters only (no accents, no Chinese"
              + " characters, no control characters)");
    }
    if (secret.chars().distinct().count() < MINIMUM_DISTINCT) {
      return Optional.of(
          "the signing secret repeats too few different characters to be secret; generate a"
              + " random one");
    }
    String lower = secret.toLowerCase(Locale.ROOT);
    if (PASTED_DIGESTS.contains(lower)
        || RUNS.stream().anyMatch(run -> run.contains(lower))
        || repeatsABlock(secret)) {
      return Optional.of(
          "the signing secret follows a pattern or is a well-known value, which anyone could sign"
              + " with; generate a random one, for example with `openssl rand -hex 32`");
    }
    return Optional.empty();
  }

  /**
   * Whether the secret is a shorter block written out at least twice ({@code 1234567890123…}, a
   * pasted secret doubled). A generated secret has no such period: for a hex one of 32 characters
   * the chance is about one in 16<sup>16</sup>.
   */
  private static boolean repeatsABlock(String secret) {
    for (int period = 1; period <= secret.length() / 2; period++) {
      if (secret.regionMatches(0, secret, period, secret.length() - period)) {
        return true;
      }
    }
    return false;
  }

  /** The lower-case hex HMAC-SHA256 of the UTF-8 bytes of {@code text}. */
  String sign(String text) {
    return HexFormat.of().formatHex(mac(text));
  }

  /**
   * Whether {@code received} is the signature of {@code text}. Compares in constant time, so the
   * reply's timing does not tell a forger how much of a guess was right; only the exact lower-case
   * form the protocol defines matches.
   */
  boolean verifies(String text, String received) {
    byte[] expected = sign(text).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // every Java platform provides HmacSHA256, and any non-empty key suits it
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "SigningSecret[HmacSHA256]";
  }
}
