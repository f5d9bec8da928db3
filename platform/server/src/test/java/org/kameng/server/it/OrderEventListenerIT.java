package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order events reach a marketing plugin's listener asynchronously, after the order's transaction:
 * the test plugin {@code marketing-broken} in {@code relay} mode posts each event to a receiver of
 * this test (through the host's client, to 127.0.0.1, which the test server allow-lists). The same
 * shop also has a configuration whose listener throws on every event: its jobs fail and retry on
 * their own, and the relay still gets every event.
 */
class OrderEventListenerIT {

  private static final String SANDBOX_SECRET = "sandbox-it-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";

  private static final List<JsonPath> received = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;
  private static FreshShop shop;
  private static String sandbox;

  @BeforeAll
  static void shopWithTwoListeners() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/events",
        exchange -> {
          received.add(
              new JsonPath(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    shop = FreshShop.selling("events", "9.90", 3);
    sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    listener("Throws", Map.of("behaviour", "throw"));
    listener(
        "Relay",
        Map.of(
            "behaviour",
            "relay",
            "relayUrl",
            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events"));
  }

  private static void listener(String name, Map<String, String> values) {
    shop.owner()
        .body(Map.of("plugin", "marketing-broken", "name", name, "values", values))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static List<String> types(String orderNumber) {
    return received.stream()
        .filter(e -> orderNumber.equals(e.getString("orderNumber")))
        .map(e -> e.getString("type"))
        .toList();
  }

  @Test
  void aPaidOrdersEventsReachTheListenerWhileAThrowingOneRetriesAlone() throws Exception {
    JsonPath placed = shop.order(sandbox);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);
    assertEquals("DELIVERED", shop.lookup(placed.getString("token")).getString("status"));
    String number = placed.getString("displayNumber");

    long deadline = System.currentTimeMillis() + 60_000;
    while (!types(number).containsAll(List.of("PAID", "DELIVERED"))
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }

    assertTrue(types(number).containsAll(List.of("PAID", "DELIVERED")), "got " + types(number));
    JsonPath paid =
        received.stream()
            .filter(e -> number.equals(e.getString("orderNumber")))
            .filter(e -> "PAID".equals(e.getString("type")))
            .findFirst()
            .orElseThrow();
    assertEquals(990, paid.getInt("total"));
    assertEquals("CNY", paid.getString("currency"));
    JsonPath delivered =
        received.stream()
            .filter(e -> "DELIVERED".equals(e.getString("type")))
            .findFirst()
            .orElseThrow();
    assertNotEquals(paid.getString("eventId"), delivered.getString("eventId"));
  }
}
