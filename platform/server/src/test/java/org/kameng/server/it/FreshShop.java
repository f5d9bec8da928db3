package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/**
 * A shop of its own for a test, made the way a reseller makes one: signed up through the public
 * API, one card-key product stocked through the admin API. Tests that add payment channels use it
 * so the demo shop's channels stay as the other tests expect them.
 */
final class FreshShop {

  static final String PASSWORD = "fresh-shop-test-42";

  /** The deployment the shop lives on: the server under test unless a test started another. */
  final String baseUrl;

  final String slug;
  final String tenantId;
  final String ownerToken;
  final String skuId;

  private FreshShop(String baseUrl, String slug, String tenantId, String ownerToken, String skuId) {
    this.baseUrl = baseUrl;
    this.slug = slug;
    this.tenantId = tenantId;
    this.ownerToken = ownerToken;
    this.skuId = skuId;
  }

  /** A new shop selling one SKU at {@code price} CNY with {@code keys} card keys in stock. */
  static FreshShop selling(String prefix, String price, int keys) throws Exception {
    return sellingAt(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), price, keys);
  }

  /**
   * The same under a chosen slug, for a shop another shop's server must reach by name (its name is
   * in the test server's hosts file).
   */
  static FreshShop sellingAt(String slug, String price, int keys) throws Exception {
    return sellingAt(TestStack.baseUrl(), slug, price, keys);
  }

  /** The same on the deployment at {@code baseUrl} (see {@link SecondDeployment}). */
  static FreshShop sellingAt(String baseUrl, String slug, String price, int keys) throws Exception {
    String tenantId =
        given()
            .baseUri(baseUrl)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "shopName",
                    "Shop " + slug,
                    "slug",
                    slug,
                    "email",
                    slug + "@example.cn",
                    "password",
                    PASSWORD))
            .post("/api/public/signup")
            .then()
            .statusCode(201)
            .extract()
            .path("tenantId");
    String owner = TestStack.keycloak().accessToken(slug + "@example.cn", PASSWORD);
    String catalog = "/api/shops/" + slug + "/catalog";
    String product =
        as(baseUrl, owner)
            .body(Map.of("name", "Gift card", "fulfilment", "CARD_KEY"))
            .post(catalog + "/products")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String sku =
        as(baseUrl, owner)
            .body(Map.of("name", "100 points", "price", price))
            .post(catalog + "/products/" + product + "/skus")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(baseUrl, owner)
        .body(Map.of("visible", true))
        .put(catalog + "/products/" + product + "/visibility")
        .then()
        .statusCode(204);
    FreshShop shop = new FreshShop(baseUrl, slug, tenantId, owner, sku);
    shop.importKeys(keys);
    return shop;
  }

  private void importKeys(int count) throws InterruptedException {
    importKeys(skuId, slug + "-KEY-", count);
  }

  /** Another visible card-key product with one SKU at {@code price}, no keys; its SKU's id. */
  String newSku(String name, String price) {
    String catalog = "/api/shops/" + slug + "/catalog";
    String product =
        owner()
            .body(Map.of("name", name, "fulfilment", "CARD_KEY"))
            .post(catalog + "/products")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String sku =
        owner()
            .body(Map.of("name", name, "price", price))
            .post(catalog + "/products/" + product + "/skus")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    owner()
        .body(Map.of("visible", true))
        .put(catalog + "/products/" + product + "/visibility")
        .then()
        .statusCode(204);
    return sku;
  }

  /** Imports {@code count} keys named {@code prefix0...} into {@code sku} and waits for them. */
  void importKeys(String sku, String prefix, int count) throws InterruptedException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append(prefix).append(i).append('\n');
    }
    String location =
        owner()
            .contentType("text/plain; charset=UTF-8")
            .body(lines.toString())
            .post("/api/shops/" + slug + "/skus/" + sku + "/keys/imports")
            .then()
            .statusCode(202)
            .extract()
            .header("Location");
    for (int i = 0; i < 300; i++) {
      JsonPath status = owner().get(location).then().statusCode(200).extract().jsonPath();
      if (!"RUNNING".equals(status.getString("status"))) {
        assertEquals("DONE", status.getString("status"));
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the key import did not finish");
  }

  /** The owner's authenticated JSON request. */
  RequestSpecification owner() {
    return as(baseUrl, ownerToken);
  }

  /** Sets up a payment channel and returns its configuration id. */
  String addChannel(String channel, String name, Map<String, String> values) {
    return owner()
        .body(Map.of("channel", channel, "name", name, "values", values))
        .post("/api/shops/" + slug + "/channels")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The merchant key the EPay test channels use; the tests sign gateway notifies with it. */
  static final String EPAY_KEY = "Kq7vR2xN9pLm4TsW8bYc3HdF6gJz5AeU";

  /** Sets up an EPay channel (submit mode, Alipay) with {@link #EPAY_KEY}. */
  String addEpay(String name) {
    return addChannel(
        "payment-epay",
        name,
        Map.of(
            "gatewayUrl", "https://pay.gateway.example/",
            "pid", "1001",
            "merchantKey", EPAY_KEY,
            "paymentType", "alipay",
            "mode", "submit"));
  }

  /** A buyer's request to this shop's storefront. */
  RequestSpecification buyer() {
    int port = java.net.URI.create(baseUrl).getPort();
    return given()
        .baseUri(baseUrl)
        .header("Host", slug + ".localhost:" + port)
        .contentType(ContentType.JSON);
  }

  /** Places an order for one key, paying through {@code channelId}. */
  JsonPath order(String channelId) {
    return order(channelId, skuId);
  }

  /** Places an order for one unit of {@code sku}, paying through {@code channelId}. */
  JsonPath order(String channelId, String sku) {
    return buyer()
        .body(
            Map.of(
                "skuId",
                sku,
                "quantity",
                1,
                "buyerEmail",
                "buyer@example.cn",
                "channelId",
                channelId))
        .post("/api/public/orders")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** The order as its buyer sees it, by token. */
  JsonPath lookup(String token) {
    return buyer()
        .body(Map.of("token", token))
        .post("/api/public/orders/lookup")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static RequestSpecification as(String baseUrl, String token) {
    return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON);
  }
}
