package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Platform admins run the platform: sign-ups that need approval wait until approved, shops get
 * plans whose limits hold, and every such action lands in the platform audit log.
 */
class PlatformAdminIT {

  private static String admin;

  @BeforeAll
  static void signIn() throws Exception {
    admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
  }

  private static RequestSpecification asAdmin() {
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON);
  }

  @Test
  void withApprovalOnANewShopWaitsUntilAnAdminApprovesIt() throws Exception {
    asAdmin()
        .body(Map.of("signupApproval", true))
        .put("/api/platform/settings")
        .then()
        .statusCode(200)
        .body("signupApproval", equalTo(true));
    String slug = "wait-" + UUID.randomUUID().toString().substring(0, 8);
    String tenantId;
    try {
      tenantId =
          given()
              .baseUri(TestStack.baseUrl())
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "shopName",
                      "Waiting " + slug,
                      "slug",
                      slug,
                      "email",
                      slug + "@example.cn",
                      "password",
                      FreshShop.PASSWORD))
              .post("/api/public/signup")
              .then()
              .statusCode(201)
              .body("status", equalTo("PENDING"))
              .extract()
              .path("tenantId");
    } finally {
      asAdmin().body(Map.of("signupApproval", false)).put("/api/platform/settings");
    }
    StorefrontIT.shop(slug)
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("takingOrders", equalTo(false));
    // The owner can prepare the shop meanwhile.
    String owner = TestStack.keycloak().accessToken(slug + "@example.cn", FreshShop.PASSWORD);
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(owner)
        .get("/api/shops/" + slug + "/channels")
        .then()
        .statusCode(200);

    asAdmin()
        .post("/api/platform/tenants/" + tenantId + "/approve")
        .then()
        .statusCode(200)
        .body("changed", equalTo(true));
    asAdmin()
        .post("/api/platform/tenants/" + tenantId + "/approve")
        .then()
        .statusCode(200)
        .body("changed", equalTo(false));
    StorefrontIT.shop(slug)
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("takingOrders", equalTo(true));
    asAdmin()
        .get("/api/platform/audit")
        .then()
        .statusCode(200)
        .body("action", hasItems("platform.settings", "shop.approve"));
  }

  @Test
  void aShopsDetailShowsItsFiguresAndItsOwner() throws Exception {
    FreshShop shop = FreshShop.selling("detail", "1.00", 3);
    asAdmin()
        .get("/api/platform/tenants/" + shop.tenantId)
        .then()
        .statusCode(200)
        .body("shop.slug", org.hamcrest.Matchers.equalTo(shop.slug))
        .body("figures", org.hamcrest.Matchers.notNullValue())
        .body("members", org.hamcrest.Matchers.hasSize(1))
        .body(
            "members.find { it.email == '" + shop.slug + "@example.cn' }.role",
            org.hamcrest.Matchers.equalTo("OWNER"));
    asAdmin().get("/api/platform/tenants/" + java.util.UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void paymentOutcomesAcrossShopsAreCountedPerChannel() throws Exception {
    FreshShop shop = FreshShop.selling("health", "1.00", 2);
    String sandbox =
        shop.addChannel(
            "payment-sandbox",
            "Sandbox",
            Map.of("signingSecret", "health-it-9f86d081884c7d659a2feaa0c55ad015a3"));
    String page = shop.order(sandbox).getString("payment.action.url");
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "fail")
        .post(page)
        .then()
        .statusCode(200);
    asAdmin()
        .get("/api/platform/health/payments?hours=1")
        .then()
        .statusCode(200)
        .body(
            "find { it.channel == 'payment-sandbox' }.failed",
            org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    asAdmin().get("/api/platform/health/payments?hours=0").then().statusCode(400);
  }

  @Test
  void aShopsPlanLimitsProductsAndMembers() throws Exception {
    FreshShop shop = FreshShop.selling("plan", "1.00", 0);
    String plan = "/api/platform/tenants/" + shop.tenantId + "/plan";
    asAdmin()
        .body(Map.of("platformFeeBps", 10_001))
        .patch(plan)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("platformFeeBps"));
    asAdmin()
        .body(Map.of("plan", "starter", "maxProducts", 1, "maxStaff", 1, "platformFeeBps", 300))
        .patch(plan)
        .then()
        .statusCode(200)
        .body("plan", equalTo("starter"))
        .body("maxProducts", equalTo(1))
        .body("platformFeeBps", equalTo(300));
    // The shop already has its one product (FreshShop made it) and its one member, the owner.
    shop.owner()
        .body(Map.of("name", "Second", "fulfilment", "CARD_KEY"))
        .post("/api/shops/" + shop.slug + "/catalog/products")
        .then()
        .statusCode(409)
        .body("title", equalTo("Quota exceeded"));
    shop.owner()
        .body(Map.of("email", "extra-" + shop.slug + "@example.cn", "role", "STAFF"))
        .post("/api/shops/" + shop.slug + "/members")
        .then()
        .statusCode(409);
    asAdmin()
        .body(Map.of("clearLimits", java.util.List.of("maxProducts")))
        .patch(plan)
        .then()
        .statusCode(200);
    shop.owner()
        .body(Map.of("name", "Second", "fulfilment", "CARD_KEY"))
        .post("/api/shops/" + shop.slug + "/catalog/products")
        .then()
        .statusCode(201);
    asAdmin().get("/api/platform/audit").then().body("action", hasItem("shop.plan"));
  }
}
