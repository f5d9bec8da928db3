package org.kameng.plugin.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The made-up provider protocol of {@link ReferenceChannel}: parameters {@code merchant, ref, txn,
 * event, status (paid|pending|failed), amount (two decimals), currency, ts (epoch seconds)}, signed
 * by {@code sig}, the unpadded base64url HMAC-SHA256 of every other parameter sorted by name as
 * {@code k=v&k=v}. Shared by the channel and the tests' provider side, which is acceptable for a
 * protocol that exists only to test the contract.
 */
final class ReferenceProtocol {

  private ReferenceProtocol() {}

  static String sign(Map<String, String> fields, String key) {
    StringJoiner canonical = new StringJoiner("&");
    new TreeMap<>(fields)
        .forEach(
            (name, value) -> {
              if (!name.equals("sig")) {
                canonical.add(name + "=" + value);
              }
            });
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
