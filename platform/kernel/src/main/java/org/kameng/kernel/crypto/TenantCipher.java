package org.kameng.kernel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.plugin.api.TenantId;

/**
 * One tenant's unwrapped data key, ready to seal, open and fingerprint that tenant's secrets.
 * Thread-safe; lives in memory only.
 */
public final class TenantCipher {

  private final TenantId tenant;
  private final int version;
  private final SecretKey dataKey;
  private final SecretKeySpec fingerprintKey;
  private final byte[] associatedData;

  TenantCipher(TenantId tenant, int version, SecretKey dataKey) {
    this.tenant = tenant;
    this.version = version;
    this.dataKey = dataKey;
    // A separate key for fingerprints, so the HMAC never runs under the encryption key itself.
    this.fingerprintKey =
        new SecretKeySpec(hmac(dataKey.getEncoded(), "kameng/fingerprint"), "HmacSHA256");
    this.associatedData = uuidBytes(tenant.value());
  }

  public TenantId tenant() {
    return tenant;
  }

  /** The version of the data key this cipher seals with (stored beside each secret). */
  public int version() {
    return version;
  }

  /** Encrypts a secret of this tenant. */
  public byte[] seal(String plaintext) {
    return Sealing.seal(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
  }

  /**
   * Decrypts a secret sealed by this tenant's key.
   *
   * @throws TamperedSecretException if it was sealed for another tenant or altered
   */
  public String open(byte[] sealed) {
    return new String(Sealing.open(dataKey, sealed, associatedData), StandardCharsets.UTF_8);
  }

  /** The keyed hash that identifies a card key within this tenant without revealing it. */
  public byte[] fingerprint(String normalisedSecret) {
    return hmac(fingerprintKey.getEncoded(), normalisedSecret);
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  static byte[] uuidBytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
