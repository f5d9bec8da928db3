package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier-webhook plugin end to end: a shop configures a webhook to a receiver of this test
 * (on 127.0.0.1, which the server under test allow-lists), a buyer pays on the sandbox page, the
 * kernel's delivery raises a notification job, and the receiver gets the signed order.delivered
 * event; its first answer is a 503, so the event also shows the queue's retry with the same id.
 */
class WebhookNotifierIT {

  private static final String SECRET = "webhook-it-5be1c9d47a0e4f8e9b3c2d1a0f9e8d7c";
  private static final String SANDBOX_SECRET = "sandbox-it-9f86d081884c7d659a2feaa0c55ad015";

  private record Received(Map<String, List<String>> headers, byte[] body) {}

  private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private static final AtomicInteger calls = new AtomicInteger();
  private static HttpServer receiver;
  private static FreshShop shop;
  private static String sandbox;

  @BeforeAll
  static void shopWithAWebhook() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
          // The first delivery is turned away: the queue must try again later.
          int status = calls.incrementAndGet() == 1 ? 503 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    shop = FreshShop.selling("webhook", "9.90", 3);
    sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    shop.owner()
        .body(
            Map.of(
                "plugin",
                "notifier-webhook",
                "name",
                "Our receiver",
                "values",
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "signingSecret",
                    SECRET)))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .body("kind", equalTo("NOTIFIER"))
        .body("secretsSet", hasItem("signingSecret"))
        .body("settings.signingSecret", equalTo(null));
  }

  @AfterAll
  static void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static String hmac(String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
    return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String header(Received r, String name) {
    return r.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no header " + name));
  }

  @Test
  void aSandboxPurchaseReachesTheReceiverSignedAfterARetry() throws Exception {
    JsonPath placed = shop.order(sandbox);
    URI page = URI.create(placed.getString("payment.action.url"));
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(page)
        .then()
        .statusCode(200);
    assertEquals("DELIVERED", shop.lookup(placed.getString("token")).getString("status"));

    Received first = received.poll(30, TimeUnit.SECONDS);
    assertNotNull(first, "no webhook arrived");
    Received second = received.poll(60, TimeUnit.SECONDS);
    assertNotNull(second, "the turned-away webhook was not retried");
    assertEquals(header(first, "Kameng-Webhook-Id"), header(second, "Kameng-Webhook-Id"));

    String timestamp = header(second, "Kameng-Webhook-Timestamp");
    assertEquals(hmac(timestamp, second.body()), header(second, "Kameng-Webhook-Signature"));
    assertTrue(
        Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000) < 300,
        "the timestamp is the sending time");
    JsonPath event = new JsonPath(new String(second.body(), StandardCharsets.UTF_8));
    assertEquals("order.delivered", event.getString("type"));
    assertEquals(placed.getString("displayNumber"), event.getString("data.orderNumber"));
    assertEquals("buyer", event.getString("recipient"));
    assertFalse(new String(second.body(), StandardCharsets.UTF_8).contains("buyer@example.cn"));
    // A signature over another body does not match: receivers can rely on it.
    assertFalse(
        hmac(timestamp, "{}".getBytes(StandardCharsets.UTF_8))
            .equals(header(second, "Kameng-Webhook-Signature")));
  }
}
