package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop takes money through the EPay plugin, end to end over HTTP: the owner sets the channel up
 * (its merchant key is write-only), a buyer's order starts a payment whose form points the gateway
 * at our notify URL, and the gateway's signed notify — computed here the way a gateway computes it
 * — pays the order and delivers its key once. Forged and misaddressed notifies change nothing.
 */
class EpayPaymentIT {

  private static final String KEY = FreshShop.EPAY_KEY;
  private static FreshShop shop;
  private static String channel;

  @BeforeAll
  static void shopWithEpay() throws Exception {
    shop = FreshShop.selling("epay", "12.30", 5);
    channel = shop.addEpay("Alipay");
  }

  @Test
  void theOwnerSeesTheChannelButNeverItsKey() {
    String list =
        shop.owner()
            .get("/api/shops/" + shop.slug + "/channels")
            .then()
            .statusCode(200)
            .body("find { it.id == '" + channel + "' }.secretsSet", hasItem("merchantKey"))
            .body("find { it.id == '" + channel + "' }.settings.pid", equalTo("1001"))
            .body("find { it.id == '" + channel + "' }.installed", equalTo(true))
            .extract()
            .asString();
    assertFalse(list.contains(KEY), "the merchant key came back");
    shop.owner()
        .get("/api/shops/" + shop.slug + "/channel-types")
        .then()
        .statusCode(200)
        .body(
            "find { it.id == 'payment-epay' }.fields.find { it.name == 'merchantKey' }.secret",
            equalTo(true));
  }

  @Test
  void badSettingsAreRefusedNamingTheFieldAndNothingIsSaved() {
    int before =
        shop.owner().get("/api/shops/" + shop.slug + "/channels").jsonPath().getList("$").size();
    shop.owner()
        .body(
            Map.of(
                "channel",
                "payment-epay",
                "name",
                "Broken",
                "values",
                Map.of("gatewayUrl", "ftp://nope", "pid", "1001", "paymentType", "alipay")))
        .post("/api/shops/" + shop.slug + "/channels")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("settings.gatewayUrl"))
        .body("errors.field", hasItem("settings.merchantKey"));
    shop.owner()
        .body(Map.of("channel", "payment-nosuch", "name", "Ghost", "values", Map.of()))
        .post("/api/shops/" + shop.slug + "/channels")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("channel"));
    assertEquals(
        before,
        shop.owner().get("/api/shops/" + shop.slug + "/channels").jsonPath().getList("$").size());
  }

  @Test
  void renamingKeepsTheKeyAndAnotherShopCannotTouchTheChannel() throws Exception {
    shop.owner()
        .body(Map.of("name", "Alipay (EPay)"))
        .patch("/api/shops/" + shop.slug + "/channels/" + channel)
        .then()
        .statusCode(200)
        .body("name", equalTo("Alipay (EPay)"))
        .body("secretsSet", hasItem("merchantKey"));
    FreshShop other = FreshShop.selling("epay-other", "1.00", 0);
    other
        .owner()
        .body(Map.of("name", "hijacked"))
        .patch("/api/shops/" + other.slug + "/channels/" + channel)
        .then()
        .statusCode(404);
    other
        .owner()
        .body(Map.of("name", "hijacked"))
        .patch("/api/shops/" + shop.slug + "/channels/" + channel)
        .then()
        // Not a member: the shop's admin API does not even confirm the shop exists.
        .statusCode(404);
    shop.owner()
        .get("/api/shops/" + shop.slug + "/channels/" + channel)
        .then()
        .statusCode(200)
        .body("name", equalTo("Alipay (EPay)"));
  }

  @Test
  void aSignedNotifyPaysTheOrderAndDeliversItsKeyOnce() {
    JsonPath placed = shop.order(channel);
    String payment = placed.getString("paymentId");
    assertEquals("FORM", placed.getString("payment.action.kind"));
    assertEquals("12.30", placed.getString("payment.action.fields.money"));
    assertEquals(payment, placed.getString("payment.action.fields.out_trade_no"));
    URI notifyUrl = URI.create(placed.getString("payment.action.fields.notify_url"));
    assertEquals(
        "/api/public/notify/" + shop.tenantId + "/" + channel + "/" + payment, notifyUrl.getPath());
    assertFalse(
        placed.getString("payment.action.fields.return_url").contains(placed.getString("token")),
        "the order token must never reach the provider");

    Map<String, String> notify = signed(paid(payment, "T-" + payment, "12.30"), KEY);
    for (int i = 0; i < 3; i++) {
      // The gateway re-sends until it reads "success"; every re-send is acknowledged, once paid.
      given()
          .baseUri(TestStack.baseUrl())
          .queryParams(notify)
          .get(notifyUrl.getPath())
          .then()
          .statusCode(200)
          .body(equalTo("success"));
    }
    JsonPath order = shop.lookup(placed.getString("token"));
    assertEquals("DELIVERED", order.getString("status"));
    assertEquals(1, order.getList("keys").size());
  }

  @Test
  void forgedOrMisaddressedNotifiesChangeNothing() {
    JsonPath placed = shop.order(channel);
    String payment = placed.getString("paymentId");
    String path = "/api/public/notify/" + shop.tenantId + "/" + channel + "/" + payment;

    Map<String, String> cheap = signed(paid(payment, "T1-" + payment, "12.30"), KEY);
    cheap.put("money", "0.01");
    expectRefused(path, cheap);
    expectRefused(path, signed(paid(payment, "T2-" + payment, "12.30"), "guessed-merchant-key"));
    // Correctly signed, but one fen short: the channel verifies, the kernel refuses.
    expectRefused(path, signed(paid(payment, "T3-" + payment, "12.29"), KEY));
    // A genuine notify of this payment, sent to another payment's address.
    JsonPath second = shop.order(channel);
    String otherPath =
        "/api/public/notify/" + shop.tenantId + "/" + channel + "/" + second.getString("paymentId");
    expectRefused(otherPath, signed(paid(payment, "T4-" + payment, "12.30"), KEY));

    given()
        .baseUri(TestStack.baseUrl())
        .queryParams(signed(paid(payment, "T5-" + payment, "12.30"), KEY))
        .get("/api/public/notify/" + java.util.UUID.randomUUID() + "/" + channel + "/" + payment)
        .then()
        .statusCode(404);
    given().baseUri(TestStack.baseUrl()).get("/api/public/notify/x/y/z").then().statusCode(404);

    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));
    assertEquals("PENDING_PAYMENT", shop.lookup(second.getString("token")).getString("status"));
  }

  private static void expectRefused(String path, Map<String, String> notify) {
    given()
        .baseUri(TestStack.baseUrl())
        .queryParams(notify)
        .get(path)
        .then()
        .body(not(equalTo("success")))
        .body(containsString("fail"));
  }

  static Map<String, String> paid(String payment, String tradeNo, String money) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pid", "1001");
    fields.put("trade_no", tradeNo);
    fields.put("out_trade_no", payment);
    fields.put("type", "alipay");
    fields.put("name", "Gift card");
    fields.put("money", money);
    fields.put("trade_status", "TRADE_SUCCESS");
    fields.put("sign_type", "MD5");
    return fields;
  }

  /** EPay v1: MD5 over the sorted non-empty fields but sign and sign_type, then the key. */
  static Map<String, String> signed(Map<String, String> fields, String key) {
    String canonical =
        new TreeMap<>(fields)
            .entrySet().stream()
                .filter(e -> !List.of("sign", "sign_type").contains(e.getKey()))
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put("sign", md5(canonical + key));
    return copy;
  }

  private static String md5(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return String.format("%032x", new BigInteger(1, digest));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
