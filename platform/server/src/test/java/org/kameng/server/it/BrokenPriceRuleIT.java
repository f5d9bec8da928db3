package org.kameng.server.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A price rule that throws or hangs (ignoring interrupts) never blocks a checkout: an order without
 * a code is placed at once at the list price, with the skipped rule in its snapshot; a coupon code
 * that only the broken rule could have checked is refused as "cannot be checked right now" (503
 * naming couponCode) instead of being silently ignored; and another shop's coupons keep working.
 */
class BrokenPriceRuleIT {

  private static FreshShop hanging;
  private static FreshShop throwing;

  private static void addRule(FreshShop shop, String plugin, Map<String, String> values) {
    shop.owner()
        .body(Map.of("plugin", plugin, "name", plugin, "values", values))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);
  }

  @BeforeAll
  static void shops() throws Exception {
    hanging = FreshShop.selling("rulehang", "10.00", 20);
    addRule(hanging, "marketing-broken", Map.of("behaviour", "hang"));
    throwing = FreshShop.selling("rulethrow", "10.00", 20);
    addRule(throwing, "marketing-broken", Map.of("behaviour", "throw"));
    addRule(throwing, "marketing-coupons", Map.of("coupons", "HALF off=50%"));
  }

  private static io.restassured.response.Response order(FreshShop shop, String code) {
    Map<String, Object> body =
        code == null
            ? Map.of("skuId", shop.skuId, "buyerEmail", "b@example.cn")
            : Map.of("skuId", shop.skuId, "buyerEmail", "b@example.cn", "couponCode", code);
    return shop.buyer().body(body).post("/api/public/orders");
  }

  @Test
  void aHangingRuleCostsACheckoutAtMostItsTimeLimit() {
    for (int i = 0; i < 6; i++) {
      long started = System.nanoTime();
      order(hanging, null).then().statusCode(201).body("total.amount", equalTo("10.00"));
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(millis < 5_000, "checkout took " + millis + " ms");
    }
    order(hanging, "ANY").then().statusCode(503).body("errors[0].field", equalTo("couponCode"));
  }

  @Test
  void aThrowingRuleIsSkippedWhileTheShopsOtherRulesStillApply() {
    order(throwing, "HALF").then().statusCode(201).body("total.amount", equalTo("5.00"));
    order(throwing, null).then().statusCode(201).body("total.amount", equalTo("10.00"));
  }
}
