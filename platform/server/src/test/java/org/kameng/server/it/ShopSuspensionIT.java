package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A platform admin suspends a shop: its storefront says it takes no orders and refuses them, its
 * data stays, the reason is in its audit log; resumed, it trades again.
 */
class ShopSuspensionIT {

  @Test
  void aSuspendedShopTakesNoOrdersUntilResumed() throws Exception {
    String slug = "sus-" + UUID.randomUUID().toString().substring(0, 8);
    String tenantId =
        given()
            .baseUri(TestStack.baseUrl())
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "shopName",
                    "Suspended " + slug,
                    "slug",
                    slug,
                    "email",
                    slug + "@example.cn",
                    "password",
                    "suspension-test-42"))
            .post("/api/public/signup")
            .then()
            .statusCode(201)
            .extract()
            .path("tenantId");
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    String platform = "/api/platform/tenants/" + tenantId;

    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", " "))
        .post(platform + "/suspend")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "unpaid platform fees"))
        .post(platform + "/suspend")
        .then()
        .statusCode(200)
        .body("changed", equalTo(true));

    assertTakingOrders(slug, false);
    orderIn(slug).statusCode(403);

    String owner = TestStack.keycloak().accessToken(slug + "@example.cn", "suspension-test-42");
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(owner)
        .get("/api/shops/" + slug + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("shop.suspend"));

    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .post(platform + "/resume")
        .then()
        .statusCode(200)
        .body("changed", equalTo(true));
    assertTakingOrders(slug, true);
    // Trading again: the order is judged on its merits (no such product), not refused as closed.
    orderIn(slug).statusCode(400).body("errors.field", hasItem("skuId"));
  }

  @Test
  void anUnknownShopCannotBeSuspended() throws Exception {
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "x"))
        .post("/api/platform/tenants/" + UUID.randomUUID() + "/suspend")
        .then()
        .statusCode(404);
  }

  private static io.restassured.response.ValidatableResponse orderIn(String slug) {
    return StorefrontIT.shop(slug)
        .contentType(ContentType.JSON)
        .body(Map.of("skuId", UUID.randomUUID().toString(), "quantity", 1, "buyerEmail", "b@x.cn"))
        .post("/api/public/orders")
        .then();
  }

  private static void assertTakingOrders(String slug, boolean taking) {
    StorefrontIT.shop(slug)
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("takingOrders", equalTo(taking));
  }
}
