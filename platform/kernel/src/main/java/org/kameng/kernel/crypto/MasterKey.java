package org.kameng.kernel.crypto;

import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The platform's key-encryption key: wraps every tenant's data key. Never stored in the DB. */
public final class MasterKey {

  private final SecretKey key;

  private MasterKey(byte[] raw) {
    this.key = new SecretKeySpec(raw, "AES");
  }

  /**
   * Reads a base64-encoded 256-bit key, as configured in {@code KAMENG_MASTER_KEY}.
   *
   * @throws IllegalArgumentException if the text is not base64 of exactly 32 bytes
   */
  public static MasterKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "master key");
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the master key is not valid base64", e);
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "the master key must be 32 bytes (256 bits), base64-encoded; got " + raw.length);
    }
    return new MasterKey(raw);
  }

  SecretKey secretKey() {
    return key;
  }
}
