package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.testkit.ContractHost;

/**
 * The HMAC against vectors computed outside Java: every expected digest below was derived with
 * OpenSSL on the command line, {@code printf '%s' '<canonical text>' | openssl dgst -sha256 -hmac
 * '<secret>'}, on the exact text in the comment, and written here as a literal.
 */
class SigningSecretTest {

  private static final SigningSecret SECRET = new SigningSecret(TestShop.SECRET);

  private static final String PAID =
      "reference=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c&event=6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
          + "&status=succeeded&amount=1230&currency=CNY&timestamp=1795342500";

  @Test
  void signsTheCanonicalTextAsOpensslDoes() {
    // printf '%s' 'reference=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c&event=6b1d2f3e-4a5b-4c6d-8e9f-
    //   0a1b2c3d4e5f&status=succeeded&amount=1230&currency=CNY&timestamp=1795342500' (one line)
    //   | openssl dgst -sha256 -hmac 'Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU'
    assertEquals(
        "4cb56dcd7886f070a5dc41b590b6d7431c196e5231d1da11562ca849d74193ff", SECRET.sign(PAID));
  }

  @Test
  void aNotifyMessageSignsExactlyThatCanonicalText() {
    // the same fields through the plugin's own message type: order and raw values as specified
    NotifyMessage message =
        new NotifyMessage(
            "0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c",
            "6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
            Decision.PAY,
            Money.of(1230, "CNY"),
            1_795_342_500L);
    assertEquals(PAID, NotifyMessage.canonical(message.fields()));
    assertEquals(
        "reference=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c&event=6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
            + "&status=succeeded&amount=1230&currency=CNY&timestamp=1795342500"
            + "&signature=4cb56dcd7886f070a5dc41b590b6d7431c196e5231d1da11562ca849d74193ff",
        message.body(SECRET));
  }

  @Test
  void signsAFailedNotifyAsOpensslDoes() {
    // printf '%s' '…&status=failed&amount=1230&currency=CNY&timestamp=1795342500' (the text above
    //   with failed for succeeded) | openssl dgst -sha256 -hmac 'Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU'
    assertEquals(
        "8fd6a1d9b36a07c5d318d48a786a50263e4a1681830204d35fdae93414c1f936",
        SECRET.sign(PAID.replace("succeeded", "failed")));
  }

  @Test
  void usesEveryPrintableCharacterOfTheSecretAsKeyBytes() {
    // S='p@ss w0rd "with" \ back~slash & 100% {ascii}!'; printf '%s'
    //   'reference=R-1_x&event=E_2-y&status=failed&amount=0&currency=JPY&timestamp=0'
    //   | openssl dgst -sha256 -hmac "$S"
    SigningSecret odd = new SigningSecret("p@ss w0rd \"with\" \\ back~slash & 100% {ascii}!");
    assertEquals(
        "76eea0c4733de324bfb3830ab77a9376b89686e96be7ff316c59fed8a8b5007c",
        odd.sign("reference=R-1_x&event=E_2-y&status=failed&amount=0&currency=JPY&timestamp=0"));
  }

  @Test
  void theTestsOwnSignerAgreesWithOpenssl() {
    // the forged-notify tests sign with Requests.hmac; pin it too, and to the published example
    // of HMAC-SHA256 (key "key", the quick brown fox), which openssl reproduces
    assertEquals(
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        Requests.hmac("key", "The quick brown fox jumps over the lazy dog"));
    assertEquals(
        "4cb56dcd7886f070a5dc41b590b6d7431c196e5231d1da11562ca849d74193ff",
        Requests.signedNotify("succeeded", ContractHost.START, TestShop.SECRET).get("signature"));
  }

  @Test
  void verifiesOnlyTheExactLowerCaseDigest() {
    String good = "4cb56dcd7886f070a5dc41b590b6d7431c196e5231d1da11562ca849d74193ff";
    assertTrue(SECRET.verifies(PAID, good));
    assertFalse(SECRET.verifies(PAID, good.toUpperCase(Locale.ROOT)));
    assertFalse(SECRET.verifies(PAID, good.substring(0, 63) + "e"));
    assertFalse(SECRET.verifies(PAID, good.substring(0, 62)));
    assertFalse(SECRET.verifies(PAID, ""));
    assertFalse(SECRET.verifies(PAID + " ", good));
    assertFalse(new SigningSecret(TestShop.SECRET.replace('X', 'Y')).verifies(PAID, good));
  }

  @Test
  void neverShowsTheSecret() {
    assertFalse(SECRET.toString().contains(TestShop.SECRET));
    assertFalse(TestShop.channel(TestShop.host()).toString().contains(TestShop.SECRET));
  }
}
