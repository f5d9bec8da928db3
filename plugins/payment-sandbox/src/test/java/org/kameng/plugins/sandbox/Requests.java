package org.kameng.plugins.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.payment.Device;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.testkit.ContractHost;

/**
 * Requests as the host would hand them to the channel. The form decoding and the HMAC here are the
 * test's own few lines, apart from the plugin's, so that a bug there cannot hide itself; {@link
 * SigningSecretTest} pins the HMAC to vectors computed with openssl.
 */
final class Requests {

  static final String REFERENCE = "0f3a9c2b7d4e4a1f9b6c8d2e1a3f5b7c";
  static final URI NOTIFY_URL =
      URI.create(
          "https://shop.example/api/public/notify/"
              + ContractHost.TENANT_A
              + "/5d0c1f7e-2b3a-4c8d-9e6f-1a2b3c4d5e6f/"
              + REFERENCE);
  static final URI RETURN_URL = URI.create("https://shop.example/orders/K20261122-0001");

  private Requests() {}

  /** A payment of 12.30 CNY that expires 15 minutes after {@link ContractHost#START}. */
  static PaymentRequest payment() {
    return payment(REFERENCE, "Steam 充值卡 100元", Money.of(1230, "CNY"));
  }

  static PaymentRequest payment(String reference, String subject, Money amount) {
    return new PaymentRequest(
        reference,
        "K20261122-0001",
        amount,
        subject,
        RETURN_URL,
        NOTIFY_URL,
        Optional.of("203.0.113.9"),
        Device.DESKTOP,
        ContractHost.START.plusSeconds(15 * 60));
  }

  /** A buyer's GET of a page. */
  static InboundRequest get(String path) {
    return browser("GET", path, Parameters.none());
  }

  /** A buyer's form POST to a page. */
  static InboundRequest post(String path, Parameters form) {
    return browser("POST", path, form);
  }

  /** A buyer's click on one of the two buttons. */
  static InboundRequest click(String reference, String decision) {
    return post("pay/" + reference, Parameters.of(Map.of("decision", decision)));
  }

  private static InboundRequest browser(String method, String path, Parameters form) {
    return new InboundRequest(
        method,
        "/api/public/pages/t1/c1/" + path,
        Parameters.none(),
        form,
        Headers.none(),
        Body.empty(),
        "198.51.100.4");
  }

  /** The notify the channel sent, as the host receives it: the body decoded into the form. */
  static InboundRequest received(OutboundRequest sent) {
    return notify("POST", Parameters.none(), decode(sent.body().text()));
  }

  /** A notify with this method, query and form. */
  static InboundRequest notify(String method, Parameters query, Parameters form) {
    return new InboundRequest(
        method,
        NOTIFY_URL.getPath(),
        query,
        form,
        Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
        Body.utf8("(decoded into form)"),
        "203.0.113.7");
  }

  /** A form POST notify of these single-valued fields. */
  static InboundRequest notify(Map<String, String> form) {
    return notify("POST", Parameters.none(), Parameters.of(form));
  }

  /** A form body decoded as a servlet container does it: repeats kept. */
  static Parameters decode(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] nameValue = pair.split("=", 2);
      form.computeIfAbsent(
              URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8), n -> new ArrayList<>())
          .add(URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return new Parameters(form);
  }

  /** Genuine notify fields for {@link #REFERENCE}, signed at {@code timestamp} with {@code key}. */
  static Map<String, String> signedNotify(String status, Instant timestamp, String key) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", REFERENCE);
    fields.put("event", "6b1d2f3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    fields.put("status", status);
    fields.put("amount", "1230");
    fields.put("currency", "CNY");
    fields.put("timestamp", Long.toString(timestamp.getEpochSecond()));
    return signed(fields, key);
  }

  /** The fields with {@code signature} computed over them, in the protocol's order. */
  static Map<String, String> signed(Map<String, String> fields, String key) {
    String canonical =
        "reference="
            + fields.get("reference")
            + "&event="
            + fields.get("event")
            + "&status="
            + fields.get("status")
            + "&amount="
            + fields.get("amount")
            + "&currency="
            + fields.get("currency")
            + "&timestamp="
            + fields.get("timestamp");
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put("signature", hmac(key, canonical));
    return copy;
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
}
