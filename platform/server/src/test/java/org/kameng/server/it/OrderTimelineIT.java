package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order's timeline in the admin API (payment events and jobs) and "resend notification": a buyer
 * pays on the sandbox page, the webhook receiver of this test gets order.delivered; staff resend it
 * and the receiver gets it again as a new message; orders with nothing to send, and shops without a
 * notifier, get a 409 saying why and queue nothing.
 */
class OrderTimelineIT {

  private static final String SANDBOX_SECRET = "sandbox-it-0c55ad0159f86d081884c7d659a2feaa";

  private static final BlockingQueue<String> ids = new LinkedBlockingQueue<>();
  private static final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
  private static HttpServer receiver;
  private static FreshShop shop;
  private static String sandbox;

  @BeforeAll
  static void shopWithAWebhook() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ids.add(exchange.getRequestHeaders().getFirst("Kameng-Webhook-Id"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    shop = FreshShop.selling("timeline", "9.90", 3);
    sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    shop.owner()
        .body(
            Map.of(
                "plugin",
                "notifier-webhook",
                "name",
                "Receiver",
                "values",
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "signingSecret",
                    "timeline-it-5be1c9d47a0e4f8e9b3c2d1a0f9e8d7c")))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .statusCode(201);
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static String orderId(JsonPath placed) {
    return orderId(shop, placed);
  }

  // The buyer's answer names the order by number; staff find its id in their list.
  private static String orderId(FreshShop at, JsonPath placed) {
    return at.owner()
        .get("/api/shops/" + at.slug + "/orders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getString("find { it.displayNumber == " + placed.getLong("displayNumber") + " }.id");
  }

  @Test
  void theTimelineShowsThePaymentEventAndJobsAndANotificationCanBeResent() throws Exception {
    JsonPath placed = shop.order(sandbox);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);
    String first = ids.poll(30, TimeUnit.SECONDS);
    assertNotNull(first, "the delivery notification did not arrive");
    String order = orderId(placed);
    String detail = "/api/shops/" + shop.slug + "/orders/" + order;

    JsonPath timeline = shop.owner().get(detail).then().statusCode(200).extract().jsonPath();
    assertEquals("DELIVERED", timeline.getString("order.status"));
    assertEquals("SUCCEEDED", timeline.getString("paymentEvents[0].outcome"));
    assertEquals("9.90", timeline.getString("paymentEvents[0].amount.amount"));
    List<String> kinds = timeline.getList("jobs.kind");
    assertTrue(kinds.contains("notification"), "jobs: " + kinds);

    shop.owner()
        .post(detail + "/notifications/resend")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("event", equalTo("ORDER_DELIVERED"))
        .body("queued", equalTo(true));
    String again = ids.poll(30, TimeUnit.SECONDS);
    assertNotNull(again, "the resent notification did not arrive");
    assertNotEquals(first, again, "a resend is a new message, not a retry of the old one");
    assertTrue(
        bodies.stream().allMatch(b -> b.contains("order.delivered")), "both are order.delivered");

    JsonPath after = shop.owner().get(detail).then().statusCode(200).extract().jsonPath();
    List<String> kindsAfter = after.getList("jobs.kind");
    assertEquals(
        kinds.stream().filter("notification"::equals).count() + 1,
        kindsAfter.stream().filter("notification"::equals).count(),
        "the resend is one more notification job in the timeline: " + kindsAfter);
    List<Map<String, Object>> audit =
        shop.owner().get("/api/shops/" + shop.slug + "/audit").jsonPath().getList("$");
    assertTrue(
        audit.stream()
            .anyMatch(
                e ->
                    "order.notification.resend".equals(e.get("action"))
                        && order.equals(e.get("subject"))),
        "the resend is audited");
  }

  @Test
  void anUnpaidOrderHasNothingToResendAndNothingIsQueued() throws Exception {
    JsonPath placed = shop.order(sandbox);
    String detail = "/api/shops/" + shop.slug + "/orders/" + orderId(placed);
    int jobs = shop.owner().get(detail).jsonPath().getList("jobs").size();
    shop.owner()
        .post(detail + "/notifications/resend")
        .then()
        .statusCode(409)
        .body("detail", containsString("PENDING_PAYMENT"));
    assertEquals(jobs, shop.owner().get(detail).jsonPath().getList("jobs").size());
    shop.owner()
        .post(
            "/api/shops/"
                + shop.slug
                + "/orders/"
                + java.util.UUID.randomUUID()
                + "/notifications/resend")
        .then()
        .statusCode(404);
  }

  @Test
  void aShopWithoutANotifierIsToldToEnableOne() throws Exception {
    FreshShop quiet = FreshShop.selling("timeline-quiet", "3.00", 2);
    String channel =
        quiet.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    JsonPath placed = quiet.order(channel);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);
    quiet
        .owner()
        .post(
            "/api/shops/"
                + quiet.slug
                + "/orders/"
                + orderId(quiet, placed)
                + "/notifications/resend")
        .then()
        .statusCode(409)
        .body("detail", containsString("no enabled notifier"));
  }
}
