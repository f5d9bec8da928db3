package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refunds through the provider: an order paid on the sandbox channel (which declares refunds) and
 * flagged for refund is paid back by a job calling the channel, then shows REFUNDED; an order not
 * flagged, and one paid through the manual channel, are refused with 409 telling staff what to do.
 */
class ProviderRefundIT {

  private static final String SANDBOX_SECRET = "sandbox-it-7e6d5c4b3a29180f7e6d5c4b3a291807";

  private static FreshShop shop;
  private static String sandbox;
  private static String manual;

  @BeforeAll
  static void shop() throws Exception {
    shop = FreshShop.selling("refunds", "9.90", 5);
    sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    manual = shop.addChannel("manual", "Bank transfer", Map.of());
  }

  private static String paidOnSandbox() {
    JsonPath placed = shop.order(sandbox);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);
    JsonPath order = shop.lookup(placed.getString("token"));
    assertEquals("DELIVERED", order.getString("status"));
    return order.getString("id");
  }

  private static void flag(String orderId) {
    shop.owner()
        .body(Map.of("reason", "the buyer asked"))
        .post("/api/shops/" + shop.slug + "/orders/" + orderId + "/refund")
        .then()
        .statusCode(200)
        .body("status", equalTo("REFUND_PENDING"));
  }

  private static io.restassured.response.Response refundThroughProvider(String orderId) {
    return shop.owner()
        .post("/api/shops/" + shop.slug + "/orders/" + orderId + "/refund-through-provider");
  }

  private static String status(String orderId) {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/orders/" + orderId)
        .then()
        .statusCode(200)
        .extract()
        .path("order.status");
  }

  @Test
  void aFlaggedSandboxOrderIsPaidBackByTheJobAndEndsRefunded() throws Exception {
    String orderId = paidOnSandbox();
    refundThroughProvider(orderId)
        .then()
        .statusCode(409)
        .body("detail", containsString("Flag the order for refund first"));
    flag(orderId);

    refundThroughProvider(orderId).then().statusCode(202).body("status", equalTo("REFUND_PENDING"));

    long deadline = System.currentTimeMillis() + 60_000;
    while (!"REFUNDED".equals(status(orderId)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    assertEquals("REFUNDED", status(orderId));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("order.provider-refund.done"));
  }

  @Test
  void anOrderPaidByHandIsRefusedWithWhatToDoInstead() {
    JsonPath placed = shop.order(manual);
    String orderId = shop.lookup(placed.getString("token")).getString("id");
    shop.owner()
        .post(
            "/api/shops/"
                + shop.slug
                + "/orders/"
                + orderId
                + "/payments/"
                + placed.getString("paymentId")
                + "/confirm")
        .then()
        .statusCode(200);
    flag(orderId);

    refundThroughProvider(orderId)
        .then()
        .statusCode(409)
        .body("detail", containsString("refund by hand"));
    assertEquals("REFUND_PENDING", status(orderId));
  }
}
