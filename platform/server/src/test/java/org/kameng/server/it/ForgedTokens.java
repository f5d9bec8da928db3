package org.kameng.server.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Access tokens the server must never accept: signed by a key Keycloak never held. */
final class ForgedTokens {

  private ForgedTokens() {}

  /** A well-formed RS256 token for {@code issuer}, signed with a freshly generated key. */
  static String signedByForeignKey(String issuer, String username) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}";
    String payload =
        "{\"iss\":\""
            + issuer
            + "\",\"sub\":\"forged-subject\",\"aud\":\"kameng-server\",\"upn\":\""
            + username
            + "\",\"preferred_username\":\""
            + username
            + "\",\"groups\":[\"platform-admin\"],\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 600)
            + "}";
    String signingInput = base64(header) + "." + base64(payload);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same claims with {@code alg: none} and no signature at all. */
  static String unsigned(String issuer, String username) {
    String signed = signedByForeignKey(issuer, username);
    String payload = signed.split("\\.")[1];
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
