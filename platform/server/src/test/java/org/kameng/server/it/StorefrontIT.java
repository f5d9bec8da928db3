package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A buyer in the demo shop, over HTTP against the started server: the shop is found by host name,
 * bad input is a 400 naming the field, and a purchase through the manual channel ends with the card
 * key shown to the holder of the order token.
 */
class StorefrontIT {

  static final String STEAM_50 = "00000000-0000-4000-8000-0000000e0001";
  static final String MEMBERSHIP = "00000000-0000-4000-8000-0000000e0003";
  static final String MANUAL_CHANNEL = "00000000-0000-4000-8000-0000000f0001";

  private static String resellerToken;

  @BeforeAll
  static void signIn() throws Exception {
    resellerToken = TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword());
  }

  static RequestSpecification shop(String slug) {
    int port = URI.create(TestStack.baseUrl()).getPort();
    return given().baseUri(TestStack.baseUrl()).header("Host", slug + ".localhost:" + port);
  }

  @Test
  void theShopIsFoundByItsHostName() {
    shop("demo")
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("name", equalTo("Demo Shop"))
        .body("channels.id", hasItem(MANUAL_CHANNEL))
        // The demo gets the sandbox channel when the sandbox plugin is installed (DemoChannels).
        .body("channels.id", hasItem("00000000-0000-4000-8000-0000000f0002"))
        .body("products.skus.flatten().id", hasItem(STEAM_50))
        // Money is an exact decimal string with its currency, everywhere in the API.
        .body("products[0].skus[0].price.amount", equalTo("48.50"))
        .body("products[0].skus[0].price.currency", equalTo("CNY"));
  }

  @Test
  void anUnknownHostIsANotFoundProblem() {
    shop("no-such-shop")
        .get("/api/public/shop")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void badOrderInputIsABadRequestNamingTheField() {
    int before = orderCount();
    expectFieldError(
        Map.of("skuId", STEAM_50, "quantity", 1, "buyerEmail", "not-an-email"), "buyerEmail");
    expectFieldError(Map.of("skuId", STEAM_50, "quantity", 11, "buyerEmail", "a@b.cn"), "quantity");
    expectFieldError(
        Map.of(
            "skuId", "00000000-0000-4000-8000-000000000bad", "quantity", 1, "buyerEmail", "a@b.cn"),
        "skuId");
    // Valid JSON with a field of the wrong form is named too, not just "not valid JSON".
    expectFieldError(Map.of("skuId", "nope", "quantity", 1, "buyerEmail", "a@b.cn"), "skuId");
    expectFieldError(
        Map.of("skuId", STEAM_50, "quantity", "one", "buyerEmail", "a@b.cn"), "quantity");
    expectFieldError(
        Map.of("skuId", MEMBERSHIP, "quantity", 1, "buyerEmail", "a@b.cn"), "inputs.account");
    expectFieldError(
        Map.of(
            "skuId",
            MEMBERSHIP,
            "quantity",
            1,
            "buyerEmail",
            "a@b.cn",
            "inputs",
            Map.of("account", "12")),
        "inputs.account");
    shop("demo")
        .contentType(ContentType.JSON)
        .body("{not json")
        .post("/api/public/orders")
        .then()
        .statusCode(400);
    assertEquals(before, orderCount(), "bad input wrote an order");
  }

  @Test
  void aBuyerPaysThroughTheManualChannelAndGetsTheKey() throws Exception {
    JsonPath placed =
        shop("demo")
            .contentType(ContentType.JSON)
            .body(Map.of("skuId", STEAM_50, "quantity", 1, "buyerEmail", "buyer@example.cn"))
            .post("/api/public/orders")
            .then()
            .statusCode(201)
            .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
            .body("total.amount", equalTo("48.50"))
            .body("token", notNullValue())
            .extract()
            .jsonPath();
    String token = placed.getString("token");
    assertTrue(token.length() >= 43, "token carries at least 256 bits");

    String paymentId =
        shop("demo")
            .contentType(ContentType.JSON)
            .body(Map.of("token", token, "channelId", MANUAL_CHANNEL))
            .post("/api/public/orders/payment")
            .then()
            .statusCode(200)
            .body("amount.amount", equalTo("48.50"))
            .extract()
            .path("paymentId");
    lookup(token)
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING_PAYMENT"))
        .body("keys", hasSize(0));

    String orderId = lookup(token).then().extract().path("id");
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(resellerToken)
        .post("/api/shops/demo/orders/" + orderId + "/payments/" + paymentId + "/confirm")
        .then()
        .statusCode(200)
        .body("kind", equalTo("ACCEPTED"));

    Response delivered = awaitStatus(token, "DELIVERED");
    delivered
        .then()
        .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
        .body("keys", hasSize(1))
        .body("keys[0]", matchesPattern("DEMO(-[A-Z2-9]{4}){3}"));

    // T3: neither the key nor the buyer's token reaches the server's logs.
    String key = delivered.path("keys[0]");
    String logs = Files.readString(Path.of("target/liberty-usr/servers/kameng/logs/messages.log"));
    assertFalse(logs.contains(key), "card key in the server log");
    assertFalse(logs.contains(token), "order token in the server log");
  }

  @Test
  void theCheckoutCanChooseTheChannelWithTheOrder() {
    shop("demo")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "skuId",
                STEAM_50,
                "quantity",
                5,
                "buyerEmail",
                "bulk@example.cn",
                "channelId",
                MANUAL_CHANNEL))
        .post("/api/public/orders")
        .then()
        .statusCode(201)
        .body("paymentId", notNullValue())
        // The wholesale tier from 5 units: 47.50 instead of 48.50 each.
        .body("total.amount", equalTo("237.50"));
  }

  @Test
  void guessingOneOrdersTokenIsRateLimited() {
    // Each looked-up order admits 10 lookups a minute, from any address: guessing one token is
    // slowed down however many addresses try. (The per-address budget is ThrottleTest's; the
    // server under test raises it, because all tests look orders up from one address.)
    int limited = 0;
    for (int i = 0; i < 20; i++) {
      int status =
          shop("demo")
              .contentType(ContentType.JSON)
              .body(Map.of("token", "guess-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"))
              .post("/api/public/orders/lookup")
              .statusCode();
      if (status == 429) {
        limited++;
      }
    }
    assertTrue(limited >= 5, "expected 429s after 10 lookups of one order, got " + limited);
  }

  private static Response lookup(String token) {
    return shop("demo")
        .contentType(ContentType.JSON)
        .body(Map.of("token", token))
        .post("/api/public/orders/lookup");
  }

  private static Response awaitStatus(String token, String status) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Response response = lookup(token);
      if (status.equals(response.path("status"))) {
        return response;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("order never reached " + status + ": " + lookup(token).asString());
  }

  private static void expectFieldError(Map<String, Object> body, String field) {
    shop("demo")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/public/orders")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private static int orderCount() {
    return given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(resellerToken)
        .queryParam("limit", 200)
        .get("/api/shops/demo/orders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }
}
