package org.kameng.plugins.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.supplier.BuyerInputField;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;
import org.kameng.plugin.api.supplier.UpstreamStock;
import org.kameng.plugin.testkit.ContractHost;

/**
 * The connector against a scripted upstream: what it sends (signed, with our line id as the request
 * id), how it reads answers, and which callbacks it believes.
 */
class KamengSupplierTest {

  private static final String KEY = "rk_abcdefghijklmnopqrstuvwx";
  private static final String SECRET = "rs_" + "A".repeat(43);
  private static final String SKU = "00000000-0000-4000-8000-0000000e0001";
  private static final String CATALOGUE =
      "{\"stockDisplay\":\"BANDED\",\"items\":[{\"productId\":\"p\",\"productName\":\"Game card\","
          + "\"skuId\":\""
          + SKU
          + "\",\"skuName\":\"100 points\",\"fulfilment\":\"CARD_KEY\","
          + "\"retailPrice\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},"
          + "\"price\":{\"amount\":\"9.00\",\"currency\":\"CNY\"},\"priceRule\":\"x\","
          + "\"minQuantity\":1,\"maxQuantity\":100,\"stock\":null,\"stockBand\":\"LOW\","
          + "\"inputs\":[{\"name\":\"account\",\"label\":\"Game account\","
          + "\"pattern\":\"[0-9]{5,12}\",\"required\":true}]}]}";

  private final List<OutboundRequest> sent = new ArrayList<>();

  @Test
  void theCatalogueIsReadWithPricesAndBands() throws Exception {
    KamengSupplier supplier = supplier(upstream(201, ""));
    List<UpstreamItem> items = supplier.fetchCatalogue();
    assertEquals(1, items.size());
    assertEquals(SKU, items.get(0).upstreamId());
    assertEquals(Money.of(900, "CNY"), items.get(0).price());
    assertEquals(new UpstreamStock.Banded(UpstreamStock.Band.LOW), items.get(0).stock());
    assertEquals(
        List.of(new BuyerInputField("account", "Game account", true, Optional.of("[0-9]{5,12}"))),
        items.get(0).buyerInputs());
    assertSigned(sent.get(0), "GET", "/api/reseller/v1/catalogue");
  }

  @Test
  void aPurchaseIsPlacedUnderTheLineIdAndItsKeysAreDelivered() throws Exception {
    KamengSupplier supplier =
        supplier(
            upstream(
                201,
                "{\"orderId\":\"o-1\",\"requestId\":\"line-7\",\"status\":\"DELIVERED\","
                    + "\"keys\":[\"K-1\",\"K-2\"],\"manualDeliveries\":[]}"));
    UpstreamResult result = supplier.placeOrder(order(Money.of(900, "CNY")));

    assertEquals(new UpstreamResult.Delivered("o-1", List.of("K-1", "K-2")), result);
    OutboundRequest post = sent.get(1);
    assertSigned(post, "POST", "/api/reseller/v1/orders");
    String body = post.body().text();
    assertTrue(body.contains("\"requestId\":\"line-7\""), body);
    assertTrue(body.contains("\"skuId\":\"" + SKU + "\""), body);
    assertTrue(body.contains("\"quantity\":2"), body);
    assertTrue(body.contains("\"inputs\":{\"account\":\"12345\"}"), body);
  }

  @Test
  void aPriceAboveTheAllowedOneBuysNothing() throws Exception {
    KamengSupplier supplier = supplier(upstream(201, "{}"));
    UpstreamResult result = supplier.placeOrder(order(Money.of(899, "CNY")));
    assertInstanceOf(UpstreamResult.FinalFailure.class, result);
    assertEquals(1, sent.size(), "only the catalogue was asked");
  }

  @Test
  void aShortBalanceIsRetryableAndARefusalIsFinal() throws Exception {
    assertInstanceOf(
        UpstreamResult.RetryableFailure.class,
        supplier(upstream(422, "{\"detail\":\"short\"}")).placeOrder(order(Money.of(900, "CNY"))));
    assertInstanceOf(
        UpstreamResult.FinalFailure.class,
        supplier(upstream(409, "{\"detail\":\"Sold out\"}"))
            .placeOrder(order(Money.of(900, "CNY"))));
  }

  @Test
  void aQueryForAnUnknownLineSaysSoAndAnOrderUnderWayIsAccepted() throws Exception {
    assertEquals(
        Optional.empty(),
        supplier(request -> response(404, "{}")).queryOrder("line-7", Optional.empty()));
    assertEquals(
        Optional.of(new UpstreamResult.Accepted("o-2")),
        supplier(
                request ->
                    response(
                        200,
                        "{\"orderId\":\"o-2\",\"status\":\"DELIVERING\",\"keys\":[],"
                            + "\"manualDeliveries\":[]}"))
            .queryOrder("line-7", Optional.empty()));
    assertSigned(sent.get(1), "GET", "/api/reseller/v1/requests/line-7");
  }

  @Test
  void aCallbackSignedWithOurKeyIsBelievedOnceAndForgeriesAreNot() {
    ContractHost host = host(request -> response(200, "{}"));
    KamengSupplier supplier = create(host);
    String body =
        "{\"event\":\"order.final\",\"orderId\":\"o-3\",\"requestId\":\"line-9\",\"status\":\"DELIVERED\"}";
    long now = ContractHost.START.getEpochSecond();
    InboundRequest callback = callback(body, now, "n0nce-n0nce-n0nce-1", SECRET);

    UpstreamCallback first = supplier.interpretCallback(callback);
    assertInstanceOf(UpstreamCallback.Verified.class, first);
    assertEquals("line-9", ((UpstreamCallback.Verified) first).orderLineId());
    assertEquals(new UpstreamResult.Accepted("o-3"), ((UpstreamCallback.Verified) first).result());

    assertInstanceOf(
        UpstreamCallback.Rejected.class, supplier.interpretCallback(callback), "replay");
    assertInstanceOf(
        UpstreamCallback.Rejected.class,
        supplier.interpretCallback(
            callback(body, now, "n0nce-n0nce-n0nce-2", "rs_" + "B".repeat(43))),
        "wrong secret");
    assertInstanceOf(
        UpstreamCallback.Rejected.class,
        supplier.interpretCallback(callback(body, now - 301, "n0nce-n0nce-n0nce-3", SECRET)),
        "stale");
    InboundRequest tampered = callback(body, now, "n0nce-n0nce-n0nce-4", SECRET);
    tampered =
        new InboundRequest(
            "POST",
            tampered.path(),
            tampered.query(),
            tampered.form(),
            tampered.headers(),
            Body.utf8(body.replace("DELIVERED", "REFUNDED")),
            "203.0.113.9");
    assertInstanceOf(UpstreamCallback.Rejected.class, supplier.interpretCallback(tampered));
  }

  @Test
  void theFactoryRefusesAnAddressWithAPathAndAMalformedSecret() {
    KamengSupplierFactory factory = new KamengSupplierFactory();
    assertEquals(
        List.of(KamengSupplierFactory.BASE_URL, KamengSupplierFactory.SECRET),
        factory
            .validate(
                PluginConfig.of(
                    Map.of(
                        "baseUrl", "https://up.example/api",
                        "keyId", KEY,
                        "secret", "short")))
            .stream()
            .map(p -> p.field())
            .toList());
    assertEquals(List.of(), factory.validate(config()));
  }

  // --- fixtures ------------------------------------------------------------------------------

  private interface Upstream {
    OutboundResponse answer(OutboundRequest request);
  }

  /** The catalogue for GETs, {@code status}/{@code body} for the POST. */
  private Upstream upstream(int status, String body) {
    return request ->
        request.method().equals("GET") ? response(200, CATALOGUE) : response(status, body);
  }

  private KamengSupplier supplier(Upstream upstream) {
    return create(host(upstream));
  }

  private ContractHost host(Upstream upstream) {
    return new ContractHost(ContractHost.TENANT_A, KamengSupplierFactory.ID, config())
        .answering(
            request -> {
              sent.add(request);
              return upstream.answer(request);
            });
  }

  private static KamengSupplier create(ContractHost host) {
    return new KamengSupplierFactory().create(ContractHost.TENANT_A, host.config(), host);
  }

  private static PluginConfig config() {
    return PluginConfig.of(Map.of("baseUrl", "https://up.example", "keyId", KEY, "secret", SECRET));
  }

  private static UpstreamOrder order(Money maxUnitPrice) {
    return new UpstreamOrder(
        "line-7",
        SKU,
        2,
        maxUnitPrice,
        Map.of("account", "12345"),
        URI.create("https://down.example/api/public/upstream/cb"));
  }

  private static OutboundResponse response(int status, String body) {
    return new OutboundResponse(status, Headers.none(), Body.utf8(body));
  }

  private static void assertSigned(OutboundRequest request, String method, String path) {
    assertEquals(URI.create("https://up.example" + path), request.uri());
    String timestamp = request.headers().first("X-Kameng-Timestamp").orElseThrow();
    assertEquals(Long.toString(ContractHost.START.getEpochSecond()), timestamp);
    String canonical =
        method
            + "\n"
            + path
            + "\n"
            + timestamp
            + "\n"
            + request.headers().first("X-Kameng-Nonce").orElseThrow()
            + "\n"
            + Signing.sha256(request.body().bytes());
    assertEquals(KEY, request.headers().first("X-Kameng-Key").orElseThrow());
    assertEquals(
        hmac(SECRET, canonical), request.headers().first("X-Kameng-Signature").orElseThrow());
  }

  private static InboundRequest callback(String body, long timestamp, String nonce, String secret) {
    String path = "/api/public/upstream/cb";
    String canonical =
        "POST\n"
            + path
            + "\n"
            + timestamp
            + "\n"
            + nonce
            + "\n"
            + Signing.sha256(body.getBytes(StandardCharsets.UTF_8));
    return new InboundRequest(
        "POST",
        path,
        Parameters.none(),
        Parameters.none(),
        Headers.of(
            Map.of(
                "X-Kameng-Key",
                KEY,
                "X-Kameng-Timestamp",
                Long.toString(timestamp),
                "X-Kameng-Nonce",
                nonce,
                "X-Kameng-Signature",
                hmac(secret, canonical))),
        Body.utf8(body),
        "203.0.113.9");
  }

  // Independent of the plugin's Signing.hmac, as the upstream's side would be.
  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
