package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin app's dashboard counts what the buyer paid for, in the reader's day, and nothing else.
 */
class DashboardIT {

  private static final String ZONE = "Asia/Shanghai";

  @Test
  void salesCountPaidOrdersOnlyAndOrdersNeedingActionAndLowStockShow() throws Exception {
    FreshShop shop = FreshShop.selling("dash", "12.50", 3);
    String dashboard = "/api/shops/" + shop.slug + "/dashboard";
    JsonPath before =
        shop.owner()
            .queryParam("tz", ZONE)
            .get(dashboard)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(0, before.getInt("figures.today.orders"));
    assertEquals(List.of(), before.getList("lowStock"), "no threshold set yet");

    shop.owner()
        .body(Map.of("name", "100 points", "price", "12.50", "lowStockThreshold", 5))
        .put("/api/shops/" + shop.slug + "/catalog/skus/" + shop.skuId)
        .then()
        .statusCode(200);
    String manual = shop.addChannel("manual", "Bank transfer", Map.of());
    JsonPath paid = shop.order(manual);
    shop.order(manual); // placed, never paid: not a sale
    String orderId = shop.lookup(paid.getString("token")).getString("id");
    shop.owner()
        .post(
            "/api/shops/"
                + shop.slug
                + "/orders/"
                + orderId
                + "/payments/"
                + paid.getString("paymentId")
                + "/confirm")
        .then()
        .statusCode(200);

    JsonPath after = waitForDelivery(shop, dashboard);
    assertEquals(1, after.getInt("figures.today.orders"));
    assertEquals("12.50", after.getString("figures.today.totals[0].amount"));
    assertEquals("CNY", after.getString("figures.today.totals[0].currency"));
    assertEquals(1, after.getInt("figures.thisMonth.orders"));
    List<Map<String, Object>> days = after.getList("figures.lastDays");
    assertEquals(14, days.size());
    assertEquals(LocalDate.now(ZoneId.of(ZONE)).toString(), days.get(13).get("day"));
    assertEquals(1, ((Number) days.get(13).get("orders")).intValue());
    assertEquals(0, after.getInt("figures.paidUndeliverable"));
    assertEquals(List.of(), after.getList("figures.needsAction"));
    // 3 keys, 1 sold, 1 reserved by the unpaid order: 1 available, at or below the threshold of 5.
    assertEquals(shop.skuId, after.getString("lowStock[0].skuId"));
    assertEquals(1, after.getInt("lowStock[0].available"));
  }

  @Test
  void anUnknownTimeZoneIsRefusedNamingTheField() throws Exception {
    FreshShop shop = FreshShop.selling("dash-tz", "1.00", 1);
    JsonPath problem =
        shop.owner()
            .queryParam("tz", "Mars/Olympus_Mons")
            .get("/api/shops/" + shop.slug + "/dashboard")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    assertEquals("tz", problem.getString("errors[0].field"));
  }

  private static JsonPath waitForDelivery(FreshShop shop, String dashboard) throws Exception {
    // Delivery runs from the job queue after the payment is confirmed.
    JsonPath figures = null;
    for (int i = 0; i < 100; i++) {
      figures =
          shop.owner()
              .queryParam("tz", ZONE)
              .get(dashboard)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (figures.getInt("figures.awaitingDelivery") == 0) {
        return figures;
      }
      Thread.sleep(100);
    }
    assertTrue(false, "the paid order was not delivered: " + figures.prettify());
    return figures;
  }
}
