package org.kameng.plugins.example;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.http.Parameters;

/**
 * Example Pay's side of the protocol, written from its documentation (the module's README) and
 * apart from the plugin's code, so that a bug in {@link MerchantKey} or {@link FormEncoding} cannot
 * hide itself by signing or encoding the test vectors too. {@link ExamplePayGatewayTest} pins the
 * signing to vectors computed with openssl.
 */
final class ExamplePayGateway {

  private ExamplePayGateway() {}

  /**
   * The fields with {@code signature} added: HMAC-SHA256 over the sorted fields, lower-case hex.
   */
  static Map<String, String> signed(Map<String, String> fields, String key) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put("signature", hmac(key, canonical(fields)));
    return copy;
  }

  /** Every field but {@code signature}, sorted by name, {@code name=value} joined by {@code &}. */
  static String canonical(Map<String, String> fields) {
    StringJoiner text = new StringJoiner("&");
    new TreeMap<>(fields)
        .forEach(
            (name, value) -> {
              if (!name.equals("signature")) {
                text.add(name + "=" + value);
              }
            });
    return text.toString();
  }

  static String hmac(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A notify as the host hands it over: a form POST, the body as sent, the form decoded. */
  static InboundRequest notify(Map<String, String> signedFields) {
    return new InboundRequest(
        "POST",
        "/api/public/notify/00000000-0000-4000-8000-00000000000a"
            + "/5d0c1f7e-2b3a-4c8d-9e6f-1a2b3c4d5e6f/"
            + signedFields.getOrDefault("reference", "none"),
        Parameters.none(),
        Parameters.of(signedFields),
        Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
        Body.utf8(encoded(signedFields)),
        "203.0.113.7");
  }

  /** Example Pay's answer to a status query: HTTP 200 with the signed fields as a form. */
  static OutboundResponse answer(Map<String, String> signedFields) {
    return new OutboundResponse(
        200,
        Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
        Body.utf8(encoded(signedFields)));
  }

  /** The query parameters of a URL the plugin built, decoded. */
  static Map<String, String> query(URI uri) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] nameValue = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
          URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  static String encoded(Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
