package org.kameng.server.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kameng.docking.signing.RequestSignature;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;
import org.kameng.plugins.docking.KamengSupplier;
import org.kameng.plugins.docking.KamengSupplierFactory;

/**
 * Docking over HTTP, as a downstream reseller and the upstream's owner see it: the owner sets the
 * reseller up through the admin API, the reseller signs requests with the shared signing code, buys
 * at its wholesale price from its balance, retries safely, and every forged or stale request is a
 * 401 that changes nothing.
 */
class ResellerApiIT {

  private static FreshShop upstream;
  private static FreshShop elsewhere;
  private static String resellerId;
  private static ResellerClient client;

  @BeforeAll
  static void anUpstreamShopWithADownstreamReseller() throws Exception {
    upstream = FreshShop.selling("dock", "10.00", 30);
    elsewhere = FreshShop.selling("dockx", "10.00", 1);
    String base = "/api/shops/" + upstream.slug;
    resellerId =
        upstream
            .owner()
            .body(Map.of("name", "Downstream Cards", "level", 2))
            .post(base + "/resellers")
            .then()
            .statusCode(201)
            .body("balance.amount", equalTo("0.00"))
            .extract()
            .path("id");
    upstream
        .owner()
        .body(Map.of("discountKind", "PERCENT_OFF", "discountValue", "10"))
        .put(base + "/reseller-levels/2")
        .then()
        .statusCode(200);
    JsonPath key =
        upstream
            .owner()
            .body(Map.of("ratePerMinute", 600))
            .post(base + "/resellers/" + resellerId + "/keys")
            .then()
            .statusCode(201)
            .header("Cache-Control", containsString("no-store"))
            .extract()
            .jsonPath();
    upstream
        .owner()
        .body(Map.of("amount", "50.00", "note", "bank ref 17"))
        .post(base + "/resellers/" + resellerId + "/top-ups")
        .then()
        .statusCode(201)
        .body("balance.amount", equalTo("50.00"));
    client = new ResellerClient(upstream.slug, key.getString("keyId"), key.getString("secret"));
  }

  @Test
  void theCatalogueShowsTheCallersWholesalePriceAndBandedStock() {
    client
        .get("/api/reseller/v1/catalogue")
        .then()
        .statusCode(200)
        .body("stockDisplay", equalTo("BANDED"))
        .body("items", hasSize(1))
        .body("items[0].retailPrice.amount", equalTo("10.00"))
        .body("items[0].price.amount", equalTo("9.00"))
        .body("items[0].stock", equalTo(null));
  }

  @Test
  void anOrderIsPaidFromTheBalanceDeliveredAtOnceAndARetryBuysNothingTwice() {
    String body = order("it-line-1", 2);
    Response first = client.post("/api/reseller/v1/orders", body);
    first.then().statusCode(201).body("status", equalTo("DELIVERED")).body("keys", hasSize(2));
    String orderId = first.path("orderId");
    String balanceAfter = balance();

    // The same request again, after a "timeout": the same order, nothing bought twice.
    client
        .post("/api/reseller/v1/orders", body)
        .then()
        .statusCode(200)
        .body("orderId", equalTo(orderId))
        .body("keys", equalTo(first.path("keys")));
    assertEquals(balanceAfter, balance());

    // The same id with another body is a conflict.
    client
        .post("/api/reseller/v1/orders", order("it-line-1", 3))
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:kameng:problem:reseller:request-id-conflict"))
        .body("errors[0].field", equalTo("requestId"));

    client
        .get("/api/reseller/v1/requests/it-line-1")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("orderId", equalTo(orderId));
    client
        .get("/api/reseller/v1/orders/" + orderId + "/deliveries")
        .then()
        .statusCode(200)
        .body("keys", hasSize(2));
    // The upstream's staff see the balance the order left.
    upstream
        .owner()
        .get("/api/shops/" + upstream.slug + "/resellers/" + resellerId)
        .then()
        .statusCode(200)
        .body("balance.amount", equalTo(balanceAfter));
  }

  @Test
  void anOrderTheBalanceCannotCoverIsA422AndChangesNothing() {
    String before = balance();
    client
        .post("/api/reseller/v1/orders", order("it-too-much", 6))
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:kameng:problem:reseller:insufficient-balance"));
    assertEquals(before, balance());
    client.get("/api/reseller/v1/requests/it-too-much").then().statusCode(404);
  }

  @Test
  void badInputIsA400NamingTheField() {
    client
        .post("/api/reseller/v1/orders", "{\"skuId\":\"" + upstream.skuId + "\",\"quantity\":1}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("requestId"));
    client
        .post("/api/reseller/v1/orders", order("it-bad-quantity", 0))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("quantity"));
  }

  @Test
  void aTamperedBodyOrPathIsA401AndPlacesNothing() {
    String before = balance();
    client
        .sendSigned(
            "POST",
            "/api/reseller/v1/orders",
            order("it-tampered", 1),
            order("it-tampered", 2),
            Instant.now(),
            RequestSignature.newNonce())
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:kameng:problem:reseller:unauthenticated"));
    // Signed for the balance, sent to the catalogue.
    Map<String, String> headers =
        RequestSignature.headers(
            client.keyId,
            client.secret,
            "GET",
            "/api/reseller/v1/balance",
            null,
            Instant.now(),
            RequestSignature.newNonce());
    client.host().headers(headers).get("/api/reseller/v1/catalogue").then().statusCode(401);
    assertEquals(before, balance());
    client.get("/api/reseller/v1/requests/it-tampered").then().statusCode(404);
  }

  @Test
  void aWrongSecretAStaleTimestampAndAnUnsignedRequestAre401() {
    new ResellerClient(upstream.slug, client.keyId, "rs_wrong")
        .get("/api/reseller/v1/balance")
        .then()
        .statusCode(401);
    client
        .send(
            "GET",
            "/api/reseller/v1/balance",
            null,
            Instant.now().minusSeconds(301),
            RequestSignature.newNonce())
        .then()
        .statusCode(401)
        .body("detail", containsString("5 minutes"));
    client.host().get("/api/reseller/v1/balance").then().statusCode(401);
  }

  @Test
  void aReplayedNonceIsRefused() {
    String nonce = RequestSignature.newNonce();
    Instant at = Instant.now();
    client.send("GET", "/api/reseller/v1/balance", null, at, nonce).then().statusCode(200);
    client
        .send("GET", "/api/reseller/v1/balance", null, at, nonce)
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:kameng:problem:reseller:replayed"));
  }

  @Test
  void theKeyWorksAtItsOwnShopOnly() {
    client
        .at(elsewhere.slug)
        .get("/api/reseller/v1/balance")
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:kameng:problem:reseller:unauthenticated"));
  }

  @Test
  void aRevokedKeyIsRefusedAndTheOthersKeepWorking() {
    String base = "/api/shops/" + upstream.slug + "/resellers/" + resellerId + "/keys";
    JsonPath issued =
        upstream.owner().body("{}").post(base).then().statusCode(201).extract().jsonPath();
    ResellerClient second =
        new ResellerClient(upstream.slug, issued.getString("keyId"), issued.getString("secret"));
    second.get("/api/reseller/v1/balance").then().statusCode(200);
    assertNotEquals(client.keyId, second.keyId);

    upstream.owner().post(base + "/" + second.keyId + "/revoke").then().statusCode(204);

    second
        .get("/api/reseller/v1/balance")
        .then()
        .statusCode(401)
        .body("type", equalTo("urn:kameng:problem:reseller:revoked"));
    client.get("/api/reseller/v1/balance").then().statusCode(200);
    upstream
        .owner()
        .get(base)
        .then()
        .statusCode(200)
        .body("find { it.keyId == '" + second.keyId + "' }.revokedAt", notNullValue())
        .body("secret", everyItem(equalTo(null)));
  }

  @Test
  void aKeysRateIsLimited() {
    String base = "/api/shops/" + upstream.slug + "/resellers/" + resellerId + "/keys";
    JsonPath issued =
        upstream
            .owner()
            .body(Map.of("ratePerMinute", 2))
            .post(base)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    ResellerClient slow =
        new ResellerClient(upstream.slug, issued.getString("keyId"), issued.getString("secret"));
    int limited = 0;
    for (int i = 0; i < 3; i++) {
      if (slow.get("/api/reseller/v1/balance").statusCode() == 429) {
        limited++;
      }
    }
    // Two a minute: the third is refused (or, across a minute boundary, a later one would be).
    assertEquals(true, limited >= 1 || slow.get("/api/reseller/v1/balance").statusCode() == 429);
  }

  @Test
  void aCallbackUrlGetsTheOrdersFinalStateSignedWithTheCallersKey() throws Exception {
    BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hooks/kameng",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> got = new HashMap<>();
          got.put("body", new String(body, StandardCharsets.UTF_8));
          String query = exchange.getRequestURI().getRawQuery();
          got.put(
              "target", exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
          for (String header :
              List.of(
                  RequestSignature.KEY,
                  RequestSignature.TIMESTAMP,
                  RequestSignature.NONCE,
                  RequestSignature.SIGNATURE)) {
            got.put(header, exchange.getRequestHeaders().getFirst(header));
          }
          received.add(got);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/kameng?from=it";
      String body =
          "{\"requestId\":\"it-callback\",\"skuId\":\""
              + upstream.skuId
              + "\",\"quantity\":1,\"callbackUrl\":\""
              + url
              + "\"}";
      Response placed = client.post("/api/reseller/v1/orders", body);
      placed.then().statusCode(201);
      String orderId = placed.path("orderId");

      Map<String, String> got = received.poll(30, TimeUnit.SECONDS);

      assertNotNull(got, "no callback within 30 s");
      assertEquals("/hooks/kameng?from=it", got.get("target"));
      assertEquals(client.keyId, got.get(RequestSignature.KEY));
      String canonical =
          RequestSignature.canonical(
              "POST",
              got.get("target"),
              got.get(RequestSignature.TIMESTAMP),
              got.get(RequestSignature.NONCE),
              got.get("body").getBytes(StandardCharsets.UTF_8));
      assertEquals(
          RequestSignature.sign(client.secret, canonical), got.get(RequestSignature.SIGNATURE));
      JsonPath callback = new JsonPath(got.get("body"));
      assertEquals(orderId, callback.getString("orderId"));
      assertEquals("it-callback", callback.getString("requestId"));
      assertEquals("DELIVERED", callback.getString("status"));
      String key = placed.path("keys[0]");
      assertFalse(got.get("body").contains(key), "a callback never carries card keys");
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void noHostileSignedBodyGetsA5xx() {
    String sku = upstream.skuId;
    Random random = new Random(8);
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                "null",
                "[]",
                "\"text\"",
                "{",
                "{\"requestId\":\"x\",\"skuId\":\"not-a-uuid\"}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"quantity\":\"two\"}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"quantity\":99999999999}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"quantity\":-1}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"inputs\":[1,2]}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"inputs\":{\"a\":null}}",
                "{\"requestId\":\"x\u0000\",\"skuId\":\"" + sku + "\"}",
                "{\"requestId\":\"" + "r".repeat(65) + "\",\"skuId\":\"" + sku + "\"}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"callbackUrl\":\"http://[::1\"}",
                "{\"requestId\":\"x\",\"skuId\":\"" + sku + "\",\"callbackUrl\":7}",
                "[".repeat(5000),
                "{\"requestId\":\"" + "x".repeat(20_000) + "\"}"));
    for (int i = 0; i < 10; i++) {
      byte[] bytes = new byte[random.nextInt(500)];
      random.nextBytes(bytes);
      bodies.add(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    List<String> failures = new ArrayList<>();
    for (String body : bodies) {
      int status = client.post("/api/reseller/v1/orders", body).statusCode();
      if (status >= 500 || status < 400) {
        failures.add(status + " " + body.substring(0, Math.min(body.length(), 60)));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void theSupplierKamengConnectorDocksHereAndARetryAfterATimeoutBuysNothingTwice()
      throws Exception {
    int port = URI.create(TestStack.baseUrl()).getPort();
    PluginConfig config =
        PluginConfig.of(
            Map.of(
                "baseUrl", "http://" + upstream.slug + ".localhost:" + port,
                "keyId", client.keyId,
                "secret", client.secret));
    KamengSupplierFactory factory = new KamengSupplierFactory();
    assertEquals(List.of(), factory.validate(config));
    KamengSupplier connector =
        factory.create(new TenantId(UUID.randomUUID()), config, new DownstreamHost(config));

    var items = connector.fetchCatalogue();
    assertEquals(1, items.size());
    assertEquals(upstream.skuId, items.get(0).upstreamId());
    assertEquals(Money.of(900, "CNY"), items.get(0).price());

    String before = balance();
    var order =
        new UpstreamOrder(
            "it-plugin-line",
            upstream.skuId,
            1,
            Money.of(900, "CNY"),
            Map.of(),
            URI.create("https://downstream.invalid/api/public/upstream/cb"));
    var first = connector.placeOrder(order);
    var delivered = assertInstanceOf(UpstreamResult.Delivered.class, first);
    assertEquals(1, delivered.cardKeys().size());

    // The host lost the answer (a timeout): it queries, then places again under the same line.
    assertEquals(Optional.of(first), connector.queryOrder("it-plugin-line", Optional.empty()));
    assertEquals(first, connector.placeOrder(order));
    assertEquals(
        new BigDecimal(before).subtract(new BigDecimal("9.00")),
        new BigDecimal(balance()),
        "one purchase drawn once");
    assertEquals(Optional.empty(), connector.queryOrder("it-never-placed", Optional.empty()));

    // A price above what the downstream allows buys nothing.
    var dear =
        new UpstreamOrder(
            "it-plugin-dear",
            upstream.skuId,
            1,
            Money.of(899, "CNY"),
            Map.of(),
            URI.create("https://downstream.invalid/cb"));
    assertInstanceOf(UpstreamResult.FinalFailure.class, connector.placeOrder(dear));
    client.get("/api/reseller/v1/requests/it-plugin-dear").then().statusCode(404);
  }

  @Test
  void aRefundedOrderPutsItsMoneyBackOnTheResellersBalanceOnce() {
    String base = "/api/shops/" + upstream.slug;
    upstream
        .owner()
        .body(Map.of("amount", "9.00", "note", "for the refund test"))
        .post(base + "/resellers/" + resellerId + "/top-ups")
        .then()
        .statusCode(201);
    BigDecimal before = new BigDecimal(balance());
    Response placed = client.post("/api/reseller/v1/orders", order("it-refund-1", 1));
    placed.then().statusCode(201).body("status", equalTo("DELIVERED"));
    String orderId = placed.path("orderId");
    assertEquals(before.subtract(new BigDecimal("9.00")), new BigDecimal(balance()));

    String order = base + "/orders/" + orderId;
    upstream
        .owner()
        .body(Map.of("reason", "the key was already used"))
        .post(order + "/refund")
        .then()
        .statusCode(200)
        .body("changed", equalTo(true));
    upstream
        .owner()
        .post(order + "/refunded")
        .then()
        .statusCode(200)
        .body("changed", equalTo(true))
        .body("status", equalTo("REFUNDED"));
    assertEquals(before, new BigDecimal(balance()), "the 9.00 is back");
    client
        .get("/api/reseller/v1/orders/" + orderId)
        .then()
        .statusCode(200)
        .body("status", equalTo("REFUNDED"));

    // Recorded again: nothing changes, nothing is credited twice.
    upstream
        .owner()
        .post(order + "/refunded")
        .then()
        .statusCode(200)
        .body("changed", equalTo(false));
    assertEquals(before, new BigDecimal(balance()));
  }

  private String order(String requestId, int quantity) {
    return "{\"requestId\":\""
        + requestId
        + "\",\"skuId\":\""
        + upstream.skuId
        + "\",\"quantity\":"
        + quantity
        + "}";
  }

  private String balance() {
    return client
        .get("/api/reseller/v1/balance")
        .then()
        .statusCode(200)
        .extract()
        .path("balance.amount");
  }
}
