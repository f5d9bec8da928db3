package org.kameng.server.it;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff find orders by number, part of the buyer's email, time placed and product. */
class OrderSearchIT {

  private static FreshShop shop;
  private static String orders;
  private static long ann;
  private static long bob;

  @BeforeAll
  static void twoOrders() throws Exception {
    shop = FreshShop.selling("search", "3.00", 4);
    String manual = shop.addChannel("manual", "Bank transfer", Map.of());
    ann = place(manual, "Ann_Lee@Example.cn");
    bob = place(manual, "bob@example.cn");
    orders = "/api/shops/" + shop.slug + "/orders";
  }

  private static long place(String channel, String email) {
    return shop.buyer()
        .contentType(ContentType.JSON)
        .body(Map.of("skuId", shop.skuId, "quantity", 1, "buyerEmail", email, "channelId", channel))
        .post("/api/public/orders")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("displayNumber");
  }

  @Test
  void anOrderNumberFindsThatOrderOnly() {
    shop.owner()
        .queryParam("q", "#" + bob)
        .get(orders)
        .then()
        .statusCode(200)
        .body("displayNumber", contains((int) bob));
  }

  @Test
  void partOfTheEmailFindsItCaseInsensitivelyAndUnderscoreIsNoWildcard() {
    shop.owner()
        .queryParam("q", "ann_LEE@")
        .get(orders)
        .then()
        .statusCode(200)
        .body("displayNumber", contains((int) ann));
    // "_" would match any one character in a naive LIKE: "bob" has no "_", so nothing is found.
    shop.owner().queryParam("q", "b_b").get(orders).then().statusCode(200).body("$", empty());
  }

  @Test
  void theTimeWindowAndTheProductNarrowTheList() {
    String productId =
        shop.owner()
            .get("/api/shops/" + shop.slug + "/catalog")
            .then()
            .extract()
            .path("products[0].id");
    shop.owner()
        .queryParam("productId", productId)
        .queryParam("from", OffsetDateTime.now().minusHours(1).toString())
        .get(orders)
        .then()
        .statusCode(200)
        .body("displayNumber", containsInAnyOrder((int) ann, (int) bob));
    shop.owner()
        .queryParam("productId", UUID.randomUUID().toString())
        .get(orders)
        .then()
        .statusCode(200)
        .body("$", empty());
    shop.owner()
        .queryParam("before", OffsetDateTime.now().minusHours(1).toString())
        .get(orders)
        .then()
        .statusCode(200)
        .body("$", empty());
  }

  @Test
  void badSearchInputIsRefusedNamingTheField() {
    shop.owner()
        .queryParam("from", "yesterday")
        .get(orders)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("from"));
    shop.owner()
        .queryParam("productId", "not-a-uuid")
        .get(orders)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("productId"));
  }
}
