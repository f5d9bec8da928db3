package org.kameng.server.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketing-coupons plugin through the real server: the owner sets coupons up through the admin
 * API (checked by the plugin before they save), a buyer's {@code couponCode} prices the order and
 * is recorded in its snapshot, and a bad, used-up or unknown code is a 422 naming couponCode with
 * nothing written.
 */
class CouponCheckoutIT {

  private static FreshShop shop;
  private static String config;

  @BeforeAll
  static void shopWithCoupons() throws Exception {
    shop = FreshShop.selling("coupons", "9.90", 6);
    config =
        shop.owner()
            .body(
                Map.of(
                    "plugin",
                    "marketing-coupons",
                    "name",
                    "Spring coupons",
                    "values",
                    Map.of("coupons", "SPRING10 off=10% uses=1\nFIVE off=5.00 min=20.00")))
            .post("/api/shops/" + shop.slug + "/plugin-configs")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .body("kind", equalTo("MARKETING"))
            .body("revision", equalTo(1))
            .extract()
            .path("id");
  }

  private static Response order(String couponCode) {
    Map<String, Object> body = new HashMap<>();
    body.put("skuId", shop.skuId);
    body.put("quantity", 1);
    body.put("buyerEmail", "buyer@example.cn");
    if (couponCode != null) {
      body.put("couponCode", couponCode);
    }
    return shop.buyer().body(body).post("/api/public/orders");
  }

  private static int orders() {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/orders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }

  @Test
  void theOwnerSeesTheCouponsPluginAndABadListIsRefusedFieldByField() {
    shop.owner()
        .get("/api/shops/" + shop.slug + "/plugin-types")
        .then()
        .statusCode(200)
        .body("id", hasItem("marketing-coupons"))
        .body("id", not(hasItem("payment-sandbox")));
    shop.owner()
        .body(
            Map.of(
                "plugin",
                "marketing-coupons",
                "name",
                "Broken",
                "values",
                Map.of("coupons", "GOOD off=5\nBAD off=500%")))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("settings.coupons"));
    shop.owner()
        .body(Map.of("plugin", "payment-sandbox", "name", "Wrong kind", "values", Map.of()))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("plugin"));
  }

  @Test
  void aCouponPricesTheOrderOnceAndIsThenUsedUp() {
    int before = orders();
    JsonPath placed = order("spring10").then().statusCode(201).extract().jsonPath();
    assertEquals("8.91", placed.getString("total.amount"));
    String orderId =
        shop.owner()
            .get("/api/shops/" + shop.slug + "/orders")
            .then()
            .extract()
            .jsonPath()
            .getString("find { it.displayNumber == " + placed.getLong("displayNumber") + " }.id");
    List<String> snapshots =
        shop.owner()
            .get("/api/shops/" + shop.slug + "/orders/" + orderId)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("lineSnapshots");
    assertTrue(snapshots.get(0).contains("marketing-coupons:SPRING10"), snapshots.toString());

    order("SPRING10").then().statusCode(422).body("errors[0].field", equalTo("couponCode"));
    assertEquals(before + 1, orders());
  }

  @Test
  void anUnknownCodeOrOneBelowItsMinimumIsA422AndWritesNothing() {
    int before = orders();
    order("NOSUCH").then().statusCode(422).body("errors[0].field", equalTo("couponCode"));
    order("FIVE").then().statusCode(422).body("errors[0].field", equalTo("couponCode"));
    assertEquals(before, orders());
    // Without a code the shop sells at its list price.
    order(null).then().statusCode(201).body("total.amount", equalTo("9.90"));
  }

  @Test
  void theDemoShopsCouponTakesTenPercentOff() {
    StorefrontIT.shop("demo")
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            Map.of(
                "skuId", "00000000-0000-4000-8000-0000000e0001",
                "buyerEmail", "demo-coupon@example.cn",
                "couponCode", "demo10"))
        .post("/api/public/orders")
        .then()
        .statusCode(201)
        .body("total.amount", equalTo("43.65"));
  }

  @Test
  void aDisabledCouponsPluginNoLongerPricesAnything() {
    FreshShop other;
    try {
      other = FreshShop.selling("coupoff", "10.00", 2);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    String id =
        other
            .owner()
            .body(
                Map.of(
                    "plugin",
                    "marketing-coupons",
                    "name",
                    "Half",
                    "values",
                    Map.of("coupons", "HALF off=50%")))
            .post("/api/shops/" + other.slug + "/plugin-configs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // The server keeps a shop's enabled price rules for a few seconds: this order reads them.
    other
        .buyer()
        .body(Map.of("skuId", other.skuId, "buyerEmail", "b@example.cn", "couponCode", "HALF"))
        .post("/api/public/orders")
        .then()
        .statusCode(201)
        .body("total.amount", equalTo("5.00"));
    // What one shop's rules answer is never another shop's: HALF is not a coupon here.
    order("HALF").then().statusCode(422).body("errors[0].field", equalTo("couponCode"));
    JsonPath off =
        other
            .owner()
            .body(Map.of("enabled", false))
            .patch("/api/shops/" + other.slug + "/plugin-configs/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertFalse(off.getBoolean("enabled"));
    assertEquals(2, off.getInt("revision"));
    // Switched off through this instance's admin API: the very next order prices without it.
    other
        .buyer()
        .body(Map.of("skuId", other.skuId, "buyerEmail", "b@example.cn", "couponCode", "HALF"))
        .post("/api/public/orders")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("couponCode"));
  }
}
