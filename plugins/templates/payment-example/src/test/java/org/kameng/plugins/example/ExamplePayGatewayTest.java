package org.kameng.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing of both sides against vectors computed outside Java, on the exact text in the
 * comment: {@code printf '%s' '<canonical text>' | openssl dgst -sha256 -hmac '<key>'}.
 */
class ExamplePayGatewayTest {

  private static final String CANONICAL =
      "amount=12.30&currency=CNY&event_id=evt_7Qm2xK9p&merchant_id=M10001"
          + "&reference=0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c&status=PAID&timestamp=1795342500"
          + "&transaction_id=EP20261122000001";

  /** The notify of the README's example, in the order Example Pay happens to send it. */
  private static Map<String, String> readmeNotify() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("merchant_id", "M10001");
    fields.put("reference", "0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c");
    fields.put("transaction_id", "EP20261122000001");
    fields.put("event_id", "evt_7Qm2xK9p");
    fields.put("status", "PAID");
    fields.put("amount", "12.30");
    fields.put("currency", "CNY");
    fields.put("timestamp", "1795342500");
    return fields;
  }

  @Test
  void theCanonicalTextSortsTheFieldsAndLeavesTheSignatureOut() {
    Map<String, String> fields = readmeNotify();
    fields.put("signature", "anything");
    assertEquals(CANONICAL, ExamplePayGateway.canonical(fields));
    assertEquals(CANONICAL, MerchantKey.canonical(fields));
  }

  @Test
  void theTestsSignerAgreesWithOpenssl() {
    // printf '%s' "$CANONICAL" | openssl dgst -sha256 -hmac '39973e70…d4ab32' (the sample key)
    assertEquals(
        "66683330972793e586665f472454e365ea0a28ccae95e7bfb4bf8d6b325d3894",
        ExamplePayGateway.hmac(TestMerchant.SAMPLE_KEY, CANONICAL));
    // the published HMAC-SHA256 example (key "key", the quick brown fox), which openssl reproduces
    assertEquals(
        "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
        ExamplePayGateway.hmac("key", "The quick brown fox jumps over the lazy dog"));
  }

  @Test
  void thePluginSignsAsOpensslDoes() {
    // printf '%s' "$CANONICAL" | openssl dgst -sha256 -hmac '22b198c6…ad8caa' (shop A's key)
    assertEquals(
        "542ec2412253cfa00aefe49e5b67c6a3b6fe449da215c9e127786fd7d6f02223",
        new MerchantKey(TestMerchant.KEY_A).sign(readmeNotify()));
  }
}
