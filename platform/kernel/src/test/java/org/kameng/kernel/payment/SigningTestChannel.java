package org.kameng.kernel.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.plugin.api.Money;

/**
 * A payment channel for tests that speaks an EPay-like protocol: form parameters sorted by name,
 * HMAC-SHA256 with the merchant's secret. It does what a real channel does and no more: verify the
 * signature, parse the fields into a {@link PaymentNotice}. Every binding decision is the kernel's.
 */
final class SigningTestChannel {

  private final byte[] secret;

  SigningTestChannel(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The notify a provider would send for a payment. */
  Map<String, String> notify(String paymentId, String tradeNo, String status, Money amount) {
    Map<String, String> params = new TreeMap<>();
    params.put("out_trade_no", paymentId);
    params.put("trade_no", tradeNo);
    params.put("trade_status", status);
    params.put("money", amount.toDecimalString());
    params.put("currency", amount.currency());
    params.put("sign", sign(params));
    return params;
  }

  /**
   * Verifies and parses a notify.
   *
   * @throws SecurityException if the signature does not verify
   */
  PaymentNotice verify(Map<String, String> params) {
    String given = params.getOrDefault("sign", "");
    Map<String, String> unsigned = new TreeMap<>(params);
    unsigned.remove("sign");
    if (!MessageDigest.isEqual(
        sign(unsigned).getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII))) {
      throw new SecurityException("bad signature");
    }
    PaymentNotice.Outcome outcome =
        switch (params.get("trade_status")) {
          case "TRADE_SUCCESS" -> PaymentNotice.Outcome.SUCCEEDED;
          case "TRADE_CLOSED" -> PaymentNotice.Outcome.FAILED;
          default -> PaymentNotice.Outcome.PENDING;
        };
    return new PaymentNotice(
        params.get("out_trade_no"),
        params.get("trade_no"),
        outcome,
        Money.parse(params.get("money"), params.get("currency")));
  }

  private String sign(Map<String, String> params) {
    String canonical =
        new TreeMap<>(params)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
