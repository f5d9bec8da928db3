package org.kameng.server.it;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only a shop's members reach its admin API; nobody learns which other shops exist. */
class ShopAdminAccessIT {

  private static String resellerToken;
  private static String adminToken;

  @BeforeAll
  static void signIn() throws Exception {
    resellerToken = TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword());
    adminToken = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
  }

  @Test
  void theShopsMemberSeesItsOrders() {
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(resellerToken)
        .get("/api/shops/demo/orders")
        .then()
        .statusCode(200);
  }

  @Test
  void aSignedInNonMemberGetsNotFound() {
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(adminToken)
        .get("/api/shops/demo/orders")
        .then()
        .statusCode(404);
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(resellerToken)
        .get("/api/shops/some-other-shop/orders")
        .then()
        .statusCode(404);
  }

  @Test
  void noTokenIsUnauthorized() {
    given().baseUri(TestStack.baseUrl()).get("/api/shops/demo/orders").then().statusCode(401);
  }
}
