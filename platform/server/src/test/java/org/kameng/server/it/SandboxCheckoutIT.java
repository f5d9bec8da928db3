package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox channel end to end against the running server, as a buyer clicks through it: the
 * order redirects to the sandbox's hosted page, Pay makes the plugin send its HMAC-signed notify
 * over real HTTP to the platform's notify endpoint, and the order is delivered. A withheld notify
 * is still caught by the status query the buyer's page triggers.
 */
class SandboxCheckoutIT {

  private static final String SECRET = "sandbox-it-9f86d081884c7d659a2feaa0c55ad015";
  private static FreshShop shop;
  private static String sandbox;
  private static String quietSandbox;

  @BeforeAll
  static void shopWithSandboxes() throws Exception {
    shop = FreshShop.selling("sandbox", "9.90", 6);
    sandbox = shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SECRET));
    quietSandbox =
        shop.addChannel(
            "payment-sandbox",
            "Sandbox, notifies withheld",
            Map.of("signingSecret", SECRET, "notifies", "withhold"));
  }

  /** The order's payment page, as the buyer's browser follows the redirect. */
  private static URI checkoutPage(JsonPath placed) {
    assertEquals("REDIRECT", placed.getString("payment.action.kind"));
    URI page = URI.create(placed.getString("payment.action.url"));
    assertTrue(
        page.getPath().startsWith("/api/public/pages/" + shop.tenantId + "/"), page.toString());
    return page;
  }

  private static Response click(URI page, String decision) {
    return given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", decision)
        .post(page);
  }

  @Test
  void payingOnTheSandboxPageDeliversTheKey() {
    JsonPath placed = shop.order(sandbox);
    URI page = checkoutPage(placed);
    assertTrue(
        page.getPath().startsWith("/api/public/pages/" + shop.tenantId + "/" + sandbox + "/"));

    given()
        .get(page)
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .header("Content-Security-Policy", containsString("default-src 'none'"))
        .header("X-Frame-Options", "DENY")
        .header("Cache-Control", containsString("no-store"))
        .body(containsString("SANDBOX"))
        .body(containsString("9.90"));

    click(page, "pay").then().statusCode(200).body(containsString("acknowledged"));

    JsonPath order = shop.lookup(placed.getString("token"));
    assertEquals("DELIVERED", order.getString("status"));
    assertEquals(1, order.getList("keys").size());
    // A second click re-sends the same event: acknowledged, nothing delivered twice.
    click(page, "pay").then().statusCode(200);
    assertEquals(1, shop.lookup(placed.getString("token")).getList("keys").size());
  }

  @Test
  void failingOnTheSandboxPageLeavesTheOrderUnpaid() {
    JsonPath placed = shop.order(sandbox);
    click(checkoutPage(placed), "fail").then().statusCode(200);
    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));
  }

  @Test
  void aWithheldNotifyIsCaughtByTheStatusQuery() {
    JsonPath placed = shop.order(quietSandbox);
    click(checkoutPage(placed), "pay").then().statusCode(200);
    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));

    shop.buyer()
        .body(Map.of("token", placed.getString("token")))
        .post("/api/public/orders/payment/refresh")
        .then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"));
    assertEquals(1, shop.lookup(placed.getString("token")).getList("keys").size());
  }

  @Test
  void aForgedSandboxNotifyIsRejectedAndChangesNothing() {
    JsonPath placed = shop.order(sandbox);
    String payment = placed.getString("paymentId");
    long now = System.currentTimeMillis() / 1000;
    given()
        .baseUri(TestStack.baseUrl())
        .contentType("application/x-www-form-urlencoded")
        .formParams(
            Map.of(
                "reference", payment,
                "event", "forged-1",
                "status", "succeeded",
                "amount", "990",
                "currency", "CNY",
                "timestamp", Long.toString(now),
                "signature", "0".repeat(64)))
        .post("/api/public/notify/" + shop.tenantId + "/" + sandbox + "/" + payment)
        .then()
        .statusCode(400)
        .body(equalTo("rejected"));
    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));
  }

  /** The sandbox's notify as the plugin signs it: HMAC-SHA256 over the fields in a fixed order. */
  private static Response signedNotify(String channel, String payment, String secret)
      throws Exception {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    fields.put("reference", payment);
    fields.put("event", "rotated-" + payment + "-" + secret.length());
    fields.put("status", "succeeded");
    fields.put("amount", "990");
    fields.put("currency", "CNY");
    fields.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
    java.util.StringJoiner canonical = new java.util.StringJoiner("&");
    fields.forEach((name, value) -> canonical.add(name + "=" + value));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    fields.put(
        "signature",
        java.util.HexFormat.of()
            .formatHex(
                mac.doFinal(
                    canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    return given()
        .baseUri(TestStack.baseUrl())
        .contentType("application/x-www-form-urlencoded")
        .formParams(fields)
        .post("/api/public/notify/" + shop.tenantId + "/" + channel + "/" + payment);
  }

  /**
   * The server keeps a channel built from its settings for a few seconds; a new signing secret
   * saved through this instance must be used by the very next notify, and the old one refused.
   */
  @Test
  void aNewSigningSecretIsUsedByTheNextNotify() throws Exception {
    String channel =
        shop.addChannel(
            "payment-sandbox", "Sandbox, secret rotated", Map.of("signingSecret", SECRET));
    // Starting the payment builds the channel with the first secret.
    JsonPath placed = shop.order(channel);
    String payment = placed.getString("paymentId");
    String rotated = "sandbox-it-rotated-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f";
    shop.owner()
        .body(Map.of("values", Map.of("signingSecret", rotated)))
        .patch("/api/shops/" + shop.slug + "/channels/" + channel)
        .then()
        .statusCode(200);

    signedNotify(channel, payment, SECRET).then().statusCode(400).body(equalTo("rejected"));
    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));
    signedNotify(channel, payment, rotated).then().statusCode(200);
    assertEquals("DELIVERED", shop.lookup(placed.getString("token")).getString("status"));
  }

  @Test
  void unknownOrHostilePagePathsAreNotFound() {
    given()
        .baseUri(TestStack.baseUrl())
        .get("/api/public/pages/" + shop.tenantId + "/" + sandbox + "/pay/no-such-payment")
        .then()
        .statusCode(404);
    given()
        .baseUri(TestStack.baseUrl())
        .get("/api/public/pages/" + shop.tenantId + "/" + sandbox + "/pay/..%2F..%2Fetc")
        .then()
        .statusCode(404);
    given()
        .baseUri(TestStack.baseUrl())
        .get("/api/public/pages/not-a-uuid/" + sandbox + "/pay/x")
        .then()
        .statusCode(404);
  }
}
