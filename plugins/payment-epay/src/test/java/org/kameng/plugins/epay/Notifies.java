package org.kameng.plugins.epay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;

/**
 * Notifies as a gateway would send them. Signs with its own few lines of MD5, written apart from
 * {@link EpaySignature} so that a bug there cannot hide itself here; {@link EpaySignatureTest} pins
 * both to vectors computed outside Java.
 */
final class Notifies {

  static final String REFERENCE = "0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c";

  /** A genuine TRADE_SUCCESS notify's fields, without the signature. */
  static Map<String, String> paid() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pid", TestMerchant.PID);
    fields.put("trade_no", "2026112210150012345");
    fields.put("out_trade_no", REFERENCE);
    fields.put("type", "alipay");
    fields.put("name", "Steam 充值卡 100元");
    fields.put("money", "100.00");
    fields.put("trade_status", "TRADE_SUCCESS");
    fields.put("param", "");
    fields.put("sign_type", "MD5");
    return fields;
  }

  /** The fields with {@code sign} added, computed with {@code key}. */
  static Map<String, String> signed(Map<String, String> fields, String key) {
    String canonical =
        new TreeMap<>(fields)
            .entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && !e.getKey().equals("sign_type"))
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put("sign", md5(canonical + key));
    return copy;
  }

  /** A GET notify with these query parameters. */
  static InboundRequest get(Map<String, String> query) {
    return get(Parameters.of(query));
  }

  /** A GET notify with these query parameters, repeats allowed. */
  static InboundRequest get(Parameters query) {
    return new InboundRequest(
        "GET",
        "/api/notify/payment/t/c/p",
        query,
        Parameters.none(),
        Headers.none(),
        Body.empty(),
        "203.0.113.7");
  }

  /** A form POST notify. */
  static InboundRequest post(Map<String, String> query, Map<String, String> form) {
    return new InboundRequest(
        "POST",
        "/api/notify/payment/t/c/p",
        Parameters.of(query),
        Parameters.of(form),
        Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
        Body.utf8("(decoded into form)"),
        "203.0.113.7");
  }

  /** The fields with one parameter sent twice, the second time with another value. */
  static Parameters repeated(Map<String, String> fields, String name, String second) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    fields.forEach((n, v) -> multi.put(n, List.of(v)));
    multi.put(name, List.of(fields.get(name), second));
    return new Parameters(multi);
  }

  private static String md5(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private Notifies() {}
}
