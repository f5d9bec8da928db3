package org.kameng.plugins.epay;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses merchant keys anyone could guess. With MD5 over public parameters, the key is the whole
 * secret: a shop running on an empty, default or documented example key accepts notifies that
 * anybody can sign, which is how card shops lose goods in the field. Messages never repeat the key.
 */
final class MerchantKeyCheck {

  /** Real EPay keys are 32 random characters; 16 still rules out the typed-in defaults. */
  static final int MINIMUM_LENGTH = 16;

  /** Fewer distinct characters than this is a pattern someone typed, not a generated key. */
  private static final int MINIMUM_DISTINCT = 8;

  /**
   * Keys published as examples (gateway installers' defaults, documentation samples, MD5s of
   * trivial passwords pasted as keys); compared in lower case.
   */
  private static final Set<String> KNOWN =
      Set.of(
          "1234567890123456",
          "12345678901234567890123456789012",
          "0123456789abcdef",
          "0123456789abcdef0123456789abcdef",
          "abcdefghijklmnop",
          "abcdefghijklmnopqrstuvwxyz",
          "e10adc3949ba59abbe56e057f20f883e", // md5("123456")
          "202cb962ac59075b964b07152d234b70", // md5("123"), the sample sign of many EPay docs
          "21232f297a57a5a743894a0e4a801fc3", // md5("admin")
          "58b31d465652be856d7ed80977aa4ce4"); // sample key of a public signature walkthrough

  /** Words of placeholder keys; four letters or more, so a random key trips them almost never. */
  private static final List<String> WORDS =
      List.of(
          "your", "secret", "example", "sample", "placeholder", "changeme", "test", "demo", "xxxx");

  private static final List<String> RUNS =
      List.of(
          "0123456789".repeat(7),
          "abcdefghijklmnopqrstuvwxyz".repeat(3),
          "0123456789abcdefghijklmnopqrstuvwxyz".repeat(2),
          "qwertyuiopasdfghjklzxcvbnm".repeat(3));

  private MerchantKeyCheck() {}

  /**
   * What is wrong with a merchant key, if anything.
   *
   * @param key the key as entered
   * @param pid the merchant id, which a key must not equal
   */
  static Optional<String> problem(String key, String pid) {
    if (key == null || key.isBlank()) {
      return Optional.of("the merchant key is required");
    }
    if (!key.equals(key.strip())) {
      return Optional.of("remove the blanks around the merchant key");
    }
    if (key.length() < MINIMUM_LENGTH) {
      return Optional.of(
          "the merchant key must have at least "
              + MINIMUM_LENGTH
              + " characters; copy it from"
              + " the gateway's merchant panel");
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (KNOWN.contains(lower)
        || WORDS.stream().anyMatch(lower::contains)
        || RUNS.stream().anyMatch(run -> run.contains(lower))) {
      return Optional.of(
          "this looks like a placeholder or example key, which anyone can sign with; reset the"
              + " key in the gateway's merchant panel and enter the new one");
    }
    if (lower.chars().distinct().count() < MINIMUM_DISTINCT) {
      return Optional.of("the merchant key repeats too few characters to be a real key");
    }
    if (key.equals(pid)) {
      return Optional.of("the merchant key must not be the merchant id");
    }
    return Optional.empty();
  }
}
