package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A platform admin offers a plugin only to approved shops — the sandbox, say, kept from real
 * buyers: other shops neither see nor set it up, an approved shop does, and a withdrawn approval
 * stops new payments through a configuration the shop already has.
 */
class PluginAvailabilityIT {

  private static final String SECRET = "availability-it-9f86d081884c7d659a2feaa0c55ad0";

  private static RequestSpecification asAdmin() throws Exception {
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON);
  }

  @Test
  void aPluginOfferedToApprovedShopsOnly() throws Exception {
    FreshShop shop = FreshShop.selling("avail", "2.00", 3);
    String types = "/api/shops/" + shop.slug + "/channel-types";
    String plugin = "/api/platform/plugins/payment-sandbox";
    asAdmin()
        .body(Map.of("availability", "APPROVED"))
        .put(plugin + "/availability")
        .then()
        .statusCode(200)
        .body("availability", equalTo("APPROVED"));
    try {
      shop.owner().get(types).then().statusCode(200).body("id", not(hasItem("payment-sandbox")));
      shop.owner()
          .body(
              Map.of(
                  "channel", "payment-sandbox",
                  "name", "Sandbox",
                  "values", Map.of("signingSecret", SECRET)))
          .post("/api/shops/" + shop.slug + "/channels")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("channel"));

      asAdmin().put(plugin + "/tenants/" + shop.tenantId).then().statusCode(204);
      asAdmin().get(plugin + "/tenants").then().statusCode(200).body("$", hasItem(shop.tenantId));
      shop.owner().get(types).then().body("id", hasItem("payment-sandbox"));
      String channel =
          shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SECRET));
      JsonPath paid = shop.order(channel);
      assertTrue(paid.getString("payment.action.url").contains("/pay/"));

      asAdmin().delete(plugin + "/tenants/" + shop.tenantId).then().statusCode(204);
      JsonPath refused = shop.order(channel);
      assertNull(refused.get("payment"));
      assertTrue(refused.getString("paymentProblem").contains("not available"));
      asAdmin().delete(plugin + "/tenants/" + shop.tenantId).then().statusCode(404);
    } finally {
      asAdmin().body(Map.of("availability", "ALL")).put(plugin + "/availability");
    }
    asAdmin()
        .body(Map.of("availability", "SOME"))
        .put(plugin + "/availability")
        .then()
        .statusCode(400);
    asAdmin()
        .put("/api/platform/plugins/payment-nosuch/tenants/" + shop.tenantId)
        .then()
        .statusCode(404);
  }
}
