package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A downstream reseller tops up its balance over the signed reseller API by paying through the
 * shop's EPay channel (ADR 0020), end to end through Liberty: the pay form the channel returns
 * points the gateway at the ordinary notify URL, and the gateway's signed notify — computed here as
 * a gateway computes it, sent 8 times at once and again later — credits the balance once, which a
 * reseller order then draws. Mis-addressed or mis-priced notifies and bad requests change nothing.
 */
class ResellerTopUpIT {

  private static final String KEY = FreshShop.EPAY_KEY;
  private static final String SANDBOX_SECRET = "topup-it-3b5d5c3712955042212316173ccf37be";
  private static FreshShop shop;
  private static String epay;
  private static String resellerId;
  private static ResellerClient client;

  @BeforeAll
  static void shopWithEpayAndAReseller() throws Exception {
    shop = FreshShop.selling("topup", "10.00", 5);
    epay = shop.addEpay("Alipay");
    String[] key = DockingSteps.reseller(shop, "Topping Cards", "1.00");
    resellerId = key[2];
    client = new ResellerClient(shop.slug, key[0], key[1]);
  }

  @Test
  void aTopUpPaidThroughEpayRaisesTheBalanceOnceAndAnOrderDrawsIt() throws Exception {
    client
        .get("/api/reseller/v1/channels")
        .then()
        .statusCode(200)
        .body("id", hasItem(epay))
        .body("channel", not(hasItem("manual")));
    String before = DockingSteps.balance(shop, resellerId);

    JsonPath started = start("25.00", epay).then().statusCode(201).extract().jsonPath();
    String topUpId = started.getString("topUp.id");
    String payment = started.getString("topUp.paymentId");
    assertEquals("PENDING", started.getString("topUp.status"));
    assertEquals("25.00", started.getString("topUp.amount.amount"));
    assertEquals("FORM", started.getString("payment.action.kind"));
    assertEquals("25.00", started.getString("payment.action.fields.money"));
    assertEquals(payment, started.getString("payment.action.fields.out_trade_no"));
    String notifyPath = URI.create(started.getString("payment.action.fields.notify_url")).getPath();
    assertEquals("/api/public/notify/" + shop.tenantId + "/" + epay + "/" + payment, notifyPath);
    client
        .get("/api/reseller/v1/top-ups/" + topUpId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"));

    // The gateway's notify, re-sent 8 times at once: each is acknowledged, one credits.
    Map<String, String> notify =
        EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "T-" + payment, "25.00"), KEY);
    List<String> replies = concurrently(8, () -> sendNotify(notifyPath, notify));
    replies.forEach(reply -> assertEquals("success", reply));
    assertEquals(add(before, "25.00"), DockingSteps.balance(shop, resellerId));
    // Later replays, with the same event and with a new one: acknowledged, nothing changes.
    assertEquals("success", sendNotify(notifyPath, notify));
    assertEquals(
        "success",
        sendNotify(
            notifyPath,
            EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "T2-" + payment, "25.00"), KEY)));
    assertEquals(add(before, "25.00"), DockingSteps.balance(shop, resellerId));

    client
        .get("/api/reseller/v1/top-ups/" + topUpId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("balanceAfter.amount", equalTo(add(before, "25.00")));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/resellers/" + resellerId + "/top-ups")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + topUpId + "' }.status", equalTo("PAID"));
    JsonPath ledger = DockingSteps.ledger(shop);
    assertEquals(
        0,
        DockingSteps.account(ledger, "RESELLER_DEPOSITS")
            + DockingSteps.account(ledger, "RESELLER_CREDIT"),
        "top-ups post deposits against credit");

    client
        .post(
            "/api/reseller/v1/orders",
            "{\"requestId\":\"after-top-up\",\"skuId\":\"" + shop.skuId + "\",\"quantity\":2}")
        .then()
        .statusCode(201)
        .body("status", equalTo("DELIVERED"));
    assertEquals(add(before, "5.00"), DockingSteps.balance(shop, resellerId), "25.00 − 2 × 10.00");
  }

  @Test
  void theSandboxPaysATopUpAndALostNotifyIsFoundByPollingIt() {
    String sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    String quiet =
        shop.addChannel(
            "payment-sandbox",
            "Sandbox, notifies withheld",
            Map.of("signingSecret", SANDBOX_SECRET, "notifies", "withhold"));
    String before = DockingSteps.balance(shop, resellerId);

    // Pay on the sandbox's page: the plugin sends its signed notify over real HTTP.
    JsonPath paid = start("3.00", sandbox).then().statusCode(201).extract().jsonPath();
    assertEquals("REDIRECT", paid.getString("payment.action.kind"));
    payOnSandboxPage(paid.getString("payment.action.url"));
    assertEquals(add(before, "3.00"), DockingSteps.balance(shop, resellerId));

    // Paid, but the notify never comes: polling the top-up asks the provider, which credits it.
    JsonPath lost = start("4.00", quiet).then().statusCode(201).extract().jsonPath();
    payOnSandboxPage(lost.getString("payment.action.url"));
    assertEquals(add(before, "3.00"), DockingSteps.balance(shop, resellerId));
    client
        .get("/api/reseller/v1/top-ups/" + lost.getString("topUp.id"))
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("balanceAfter.amount", equalTo(add(before, "7.00")));
    assertEquals(add(before, "7.00"), DockingSteps.balance(shop, resellerId));
  }

  private static void payOnSandboxPage(String page) {
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(page))
        .then()
        .statusCode(200);
  }

  @Test
  void misAddressedOrMisPricedNotifiesAreRefusedAndTheBalanceStays() throws Exception {
    String before = DockingSteps.balance(shop, resellerId);
    JsonPath started = start("10.00", epay).then().statusCode(201).extract().jsonPath();
    String payment = started.getString("topUp.paymentId");
    String path = "/api/public/notify/" + shop.tenantId + "/" + epay + "/" + payment;

    expectRefused(
        path, EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "A-" + payment, "9.99"), KEY));
    expectRefused(
        path, EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "B-" + payment, "10.01"), KEY));
    // Another channel configuration of the shop, with the same merchant key.
    String second = shop.addEpay("Alipay 2");
    expectRefused(
        "/api/public/notify/" + shop.tenantId + "/" + second + "/" + payment,
        EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "C-" + payment, "10.00"), KEY));
    // The top-up's genuine notify replayed against a buyer's order payment, and the reverse.
    JsonPath order = shop.order(epay);
    String orderPayment = order.getString("paymentId");
    expectRefused(
        "/api/public/notify/" + shop.tenantId + "/" + epay + "/" + orderPayment,
        EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "D-" + payment, "10.00"), KEY));
    expectRefused(
        path,
        EpayPaymentIT.signed(EpayPaymentIT.paid(orderPayment, "E-" + orderPayment, "10.00"), KEY));
    // Another tenant's address: no such channel there.
    given()
        .baseUri(TestStack.baseUrl())
        .queryParams(
            EpayPaymentIT.signed(EpayPaymentIT.paid(payment, "F-" + payment, "10.00"), KEY))
        .get("/api/public/notify/" + UUID.randomUUID() + "/" + epay + "/" + payment)
        .then()
        .statusCode(404);

    assertEquals(before, DockingSteps.balance(shop, resellerId));
    assertEquals("PENDING_PAYMENT", shop.lookup(order.getString("token")).getString("status"));
    client
        .get("/api/reseller/v1/top-ups/" + started.getString("topUp.id"))
        .then()
        .body("status", equalTo("PENDING"));
  }

  @Test
  void badRequestsAreRefusedNamingTheFieldAndWriteNothing() {
    String disabled = shop.addEpay("Switched off");
    shop.owner()
        .body(Map.of("enabled", false))
        .patch("/api/shops/" + shop.slug + "/channels/" + disabled)
        .then()
        .statusCode(200);
    int before = topUps();
    for (String amount : List.of("0", "0.00", "-1.00", "100000000.01", "1.234", "ten")) {
      expectInvalid(start(amount, epay), "amount");
    }
    expectInvalid(
        client.post("/api/reseller/v1/top-ups", "{\"channelId\":\"" + epay + "\"}"), "amount");
    expectInvalid(start("10.00", UUID.randomUUID().toString()), "channelId");
    expectInvalid(start("10.00", "not-a-channel"), "channelId");
    expectInvalid(start("10.00", disabled), "channelId");
    assertEquals(before, topUps(), "a refused request opened a top-up");

    client.get("/api/reseller/v1/top-ups/" + UUID.randomUUID()).then().statusCode(404);
    client.get("/api/reseller/v1/top-ups/nonsense").then().statusCode(404);
    client
        .host()
        .contentType("application/json")
        .body("{\"amount\":\"10.00\",\"channelId\":\"" + epay + "\"}")
        .post("/api/reseller/v1/top-ups")
        .then()
        .statusCode(401);
  }

  @Test
  void aRevokedKeyCannotStartATopUp() {
    String[] key = DockingSteps.reseller(shop, "Revoked Cards", "1.00");
    shop.owner()
        .post("/api/shops/" + shop.slug + "/resellers/" + key[2] + "/keys/" + key[0] + "/revoke")
        .then()
        .statusCode(204);
    new ResellerClient(shop.slug, key[0], key[1])
        .post("/api/reseller/v1/top-ups", "{\"amount\":\"10.00\",\"channelId\":\"" + epay + "\"}")
        .then()
        .statusCode(401)
        .body("type", containsString("revoked"));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/resellers/" + key[2] + "/top-ups")
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  private static Response start(String amount, String channelId) {
    return client.post(
        "/api/reseller/v1/top-ups",
        "{\"amount\":\"" + amount + "\",\"channelId\":\"" + channelId + "\"}");
  }

  private static void expectInvalid(Response response, String field) {
    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private static int topUps() {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/resellers/" + resellerId + "/top-ups")
        .then()
        .statusCode(200)
        .extract()
        .path("size()");
  }

  private static String sendNotify(String path, Map<String, String> notify) {
    return given()
        .baseUri(TestStack.baseUrl())
        .queryParams(notify)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static void expectRefused(String path, Map<String, String> notify) {
    String reply =
        given()
            .baseUri(TestStack.baseUrl())
            .queryParams(notify)
            .get(path)
            .then()
            .extract()
            .asString();
    assertFalse(reply.equals("success"), "a refused notify was acknowledged: " + path);
    assertTrue(reply.contains("fail"), reply);
  }

  private static String add(String amount, String more) {
    return new java.math.BigDecimal(amount).add(new java.math.BigDecimal(more)).toPlainString();
  }

  private interface Call {
    String run() throws Exception;
  }

  private static List<String> concurrently(int times, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(times);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> done = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      done.add(
          pool.submit(
              () -> {
                go.await();
                return call.run();
              }));
    }
    go.countDown();
    List<String> results = new ArrayList<>();
    for (Future<String> f : done) {
      results.add(f.get(1, TimeUnit.MINUTES));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
    return results;
  }
}
