package org.kameng.plugins.docking;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.supplier.BuyerInputField;
import org.kameng.plugin.api.supplier.SupplierConnector;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;
import org.kameng.plugin.api.supplier.UpstreamStock;

/**
 * One shop's connection to an upstream Kameng shop. Purchases are placed with our order-line id as
 * the reseller API's {@code requestId}, which the upstream keeps unique: placing the same line
 * again returns the first order and never buys twice. Thread-safe (no mutable state).
 */
public final class KamengSupplier implements SupplierConnector {

  private static final String API = "/api/reseller/v1";
  private static final long CLOCK_WINDOW_SECONDS = 300;
  private static final Duration NONCE_KEPT = Duration.ofMinutes(11);
  private static final Set<String> UNDER_WAY = Set.of("PENDING_PAYMENT", "PAID", "DELIVERING");

  private final String baseUrl;
  private final String keyId;
  private final String secret;
  private final HostContext host;

  KamengSupplier(String baseUrl, String keyId, String secret, HostContext host) {
    this.baseUrl = baseUrl;
    this.keyId = keyId;
    this.secret = secret;
    this.host = host;
  }

  @Override
  public List<UpstreamItem> fetchCatalogue() throws IOException {
    OutboundResponse response = call("GET", API + "/catalogue", null);
    if (response.status() != 200) {
      throw new IOException("the upstream's catalogue answered " + response.status());
    }
    List<UpstreamItem> items = new ArrayList<>();
    try {
      for (Object each : list(object(read(response)).get("items"))) {
        Map<String, Object> item = object(each);
        items.add(
            new UpstreamItem(
                text(item, "skuId"),
                text(item, "productName") + " / " + text(item, "skuName"),
                money(item.get("price")),
                stock(item),
                inputs(item)));
      }
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IOException("the upstream's catalogue is unreadable: " + e.getMessage(), e);
    }
    return items;
  }

  /**
   * Buys the line. The price is looked up first: if the upstream raised it above {@code
   * maxUnitPrice} since the monitor last looked, nothing is bought.
   */
  @Override
  public UpstreamResult placeOrder(UpstreamOrder order) throws IOException {
    Optional<UpstreamItem> item =
        fetchCatalogue().stream()
            .filter(i -> i.upstreamId().equals(order.upstreamItemId()))
            .findFirst();
    if (item.isEmpty()) {
      return new UpstreamResult.FinalFailure("the upstream no longer sells this item");
    }
    Money price = item.get().price();
    if (!price.currency().equals(order.maxUnitPrice().currency())
        || price.minorUnits() > order.maxUnitPrice().minorUnits()) {
      return new UpstreamResult.FinalFailure(
          "the upstream's price "
              + price.toDecimalString()
              + " "
              + price.currency()
              + " is above the allowed "
              + order.maxUnitPrice().toDecimalString());
    }
    StringBuilder inputs = new StringBuilder("{");
    order
        .buyerInputs()
        .forEach(
            (name, value) ->
                inputs
                    .append(inputs.length() > 1 ? "," : "")
                    .append(Json.quote(name))
                    .append(':')
                    .append(Json.quote(value)));
    String body =
        "{\"requestId\":"
            + Json.quote(order.orderLineId())
            + ",\"skuId\":"
            + Json.quote(order.upstreamItemId())
            + ",\"quantity\":"
            + order.quantity()
            + ",\"inputs\":"
            + inputs.append('}')
            + ",\"callbackUrl\":"
            + Json.quote(order.callbackUrl().toString())
            + "}";
    OutboundResponse response = call("POST", API + "/orders", body);
    switch (response.status()) {
      case 200:
      case 201:
        return result(read(response));
      case 422:
        return new UpstreamResult.RetryableFailure(
            "the balance at the upstream does not cover this order");
      case 400:
      case 404:
      case 409:
        return new UpstreamResult.FinalFailure("the upstream refused: " + detail(response));
      default:
        return new UpstreamResult.RetryableFailure(
            "the upstream answered " + response.status() + ": " + detail(response));
    }
  }

  @Override
  public Optional<UpstreamResult> queryOrder(String orderLineId, Optional<String> upstreamOrderId)
      throws IOException {
    // The line id is 1-64 of [0-9A-Za-z_-] (UpstreamOrder), safe in a path as it is.
    OutboundResponse response = call("GET", API + "/requests/" + orderLineId, null);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (response.status() != 200) {
      return Optional.of(
          new UpstreamResult.RetryableFailure("the upstream answered " + response.status()));
    }
    return Optional.of(result(read(response)));
  }

  /**
   * Checks an upstream's callback: signed with our key by the recipe of the API, timestamp within
   * five minutes, nonce not seen before. The callback carries no card keys: it says the order is
   * final, and the host's query fetches the keys.
   */
  @Override
  public UpstreamCallback interpretCallback(InboundRequest request) {
    InboundReply refused = InboundReply.text(401, "refused");
    String key = request.headers().first(Signing.KEY).orElse("");
    String timestamp = request.headers().first(Signing.TIMESTAMP).orElse("");
    String nonce = request.headers().first(Signing.NONCE).orElse("");
    String signature = request.headers().first(Signing.SIGNATURE).orElse("");
    if (!key.equals(keyId)
        || !timestamp.matches("[0-9]{1,12}")
        || !nonce.matches("[A-Za-z0-9_-]{16,64}")
        || !request.method().equals("POST")) {
      return new UpstreamCallback.Rejected("not a signed callback of our key", refused);
    }
    if (Math.abs(host.clock().instant().getEpochSecond() - Long.parseLong(timestamp))
        > CLOCK_WINDOW_SECONDS) {
      return new UpstreamCallback.Rejected("stale timestamp", refused);
    }
    String expected =
        Signing.hmac(
            secret,
            Signing.canonical("POST", request.path(), timestamp, nonce, request.body().bytes()));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return new UpstreamCallback.Rejected("bad signature", refused);
    }
    if (!host.store().putIfAbsent("callback-nonce:" + nonce, "1", NONCE_KEPT)) {
      return new UpstreamCallback.Rejected("replayed nonce", refused);
    }
    try {
      Map<String, Object> callback = object(Json.read(request.body().text()));
      return new UpstreamCallback.Verified(
          text(callback, "requestId"),
          resultOf(text(callback, "status"), text(callback, "orderId"), List.of()),
          InboundReply.text(200, "ok"),
          InboundReply.text(400, "rejected"));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      return new UpstreamCallback.Rejected("unreadable callback", InboundReply.text(400, "bad"));
    }
  }

  private OutboundResponse call(String method, String path, String json) throws IOException {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        Signing.headers(keyId, secret, method, path, body, host.clock().instant().getEpochSecond());
    URI uri = URI.create(baseUrl + path);
    OutboundRequest request =
        json == null
            ? OutboundRequest.get(uri).withHeaders(headers)
            : OutboundRequest.post(uri, "application/json", Body.of(body)).withHeaders(headers);
    return host.http().send(request);
  }

  private static UpstreamResult result(Object answer) throws IOException {
    try {
      Map<String, Object> order = object(answer);
      List<String> delivered = new ArrayList<>();
      for (Object key : list(order.get("keys"))) {
        delivered.add((String) key);
      }
      for (Object text : list(order.get("manualDeliveries"))) {
        delivered.add((String) text);
      }
      return resultOf(text(order, "status"), text(order, "orderId"), delivered);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IOException("the upstream's order is unreadable: " + e.getMessage(), e);
    }
  }

  private static UpstreamResult resultOf(String status, String orderId, List<String> delivered) {
    if (status.equals("DELIVERED") && !delivered.isEmpty()) {
      return new UpstreamResult.Delivered(orderId, delivered);
    }
    if (status.equals("DELIVERED") || UNDER_WAY.contains(status)) {
      // Delivered without what was delivered (a callback): the host's query fetches it.
      return new UpstreamResult.Accepted(orderId);
    }
    return new UpstreamResult.FinalFailure("the upstream order is " + status);
  }

  private static UpstreamStock stock(Map<String, Object> item) {
    Object exact = item.get("stock");
    if (exact instanceof BigDecimal) {
      return new UpstreamStock.Exact(((BigDecimal) exact).longValueExact());
    }
    String band = String.valueOf(item.get("stockBand"));
    switch (band) {
      case "NONE":
        return new UpstreamStock.Banded(UpstreamStock.Band.OUT);
      case "LOW":
        return new UpstreamStock.Banded(UpstreamStock.Band.LOW);
      case "PLENTY":
        return new UpstreamStock.Banded(UpstreamStock.Band.PLENTY);
      default:
        return new UpstreamStock.Banded(UpstreamStock.Band.UNKNOWN);
    }
  }

  private static List<BuyerInputField> inputs(Map<String, Object> item) {
    List<BuyerInputField> fields = new ArrayList<>();
    for (Object each : list(item.get("inputs"))) {
      Map<String, Object> field = object(each);
      Object pattern = field.get("pattern");
      fields.add(
          new BuyerInputField(
              text(field, "name"),
              text(field, "label"),
              Boolean.TRUE.equals(field.get("required")),
              pattern instanceof String ? Optional.of((String) pattern) : Optional.empty()));
    }
    return fields;
  }

  private static Money money(Object value) {
    Map<String, Object> money = object(value);
    return Money.parse(text(money, "amount"), text(money, "currency"));
  }

  private static Object read(OutboundResponse response) throws IOException {
    try {
      return Json.read(response.body().text());
    } catch (IllegalArgumentException e) {
      throw new IOException("the upstream answered unreadably: " + e.getMessage(), e);
    }
  }

  private static String detail(OutboundResponse response) {
    try {
      Object detail = object(Json.read(response.body().text())).get("detail");
      return detail == null ? "" : detail.toString();
    } catch (IllegalArgumentException | ClassCastException e) {
      return "";
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected an object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("expected an array");
    }
    return (List<Object>) value;
  }

  private static String text(Map<String, Object> object, String name) {
    Object value = object.get(name);
    if (!(value instanceof String)) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return (String) value;
  }
}
