package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A reseller signs up through the real path: a Keycloak account and organisation created through
 * Keycloak's admin API, a shop opened in the kernel. They can log in, run their shop and nobody
 * else's; bad input is refused field by field and leaves no account behind.
 */
class SignupIT {

  private static RequestSpecification api() {
    return given().baseUri(TestStack.baseUrl()).contentType(ContentType.JSON);
  }

  private static Map<String, Object> signup(String slug, String email, String password) {
    return Map.of("shopName", "Shop " + slug, "slug", slug, "email", email, "password", password);
  }

  @Test
  void aNewResellerOpensAShopLogsInAndRunsIt() throws Exception {
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    String email = slug + "@example.cn";
    api()
        .body(signup(slug, email, "correct-horse-42"))
        .post("/api/public/signup")
        .then()
        .statusCode(201)
        .body("slug", equalTo(slug));

    String token = TestStack.keycloak().accessToken(email, "correct-horse-42");
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(token)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("shops", hasItem(slug));
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(token)
        .get("/api/shops/" + slug + "/orders")
        .then()
        .statusCode(200)
        .body("$", empty());
    // Owner: the ledger is theirs to see. The demo shop is not theirs at all.
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(token)
        .get("/api/shops/" + slug + "/ledger")
        .then()
        .statusCode(200);
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(token)
        .get("/api/shops/demo/orders")
        .then()
        .statusCode(404);

    StorefrontIT.shop(slug)
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("name", equalTo("Shop " + slug))
        .body("products", empty())
        .body("channels", hasSize(1));
  }

  @Test
  void aTakenAddressIsAConflictAndCreatesNoAccount() throws Exception {
    String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
    api()
        .body(signup(slug, slug + "@example.cn", "correct-horse-42"))
        .post("/api/public/signup")
        .then()
        .statusCode(201);

    String second = "second-" + slug + "@example.cn";
    api()
        .body(signup(slug, second, "correct-horse-42"))
        .post("/api/public/signup")
        .then()
        .statusCode(409)
        .body("errors.field", hasItem("slug"));
    assertThrows(
        IllegalStateException.class,
        () -> TestStack.keycloak().accessToken(second, "correct-horse-42"),
        "the refused sign-up left an account behind");
  }

  @Test
  void badSignupInputNamesTheField() {
    String fresh = "it-" + UUID.randomUUID().toString().substring(0, 8);
    expectField(signup("admin", fresh + "@example.cn", "correct-horse-42"), "slug");
    expectField(signup("Bad_Slug", fresh + "@example.cn", "correct-horse-42"), "slug");
    expectField(signup("ab", fresh + "@example.cn", "correct-horse-42"), "slug");
    expectField(signup(fresh, "not-an-email", "correct-horse-42"), "email");
    expectField(signup(fresh, fresh + "@example.cn", "short1"), "password");
    expectField(signup(fresh, fresh + "@example.cn", "onlyletterslong"), "password");
    expectField(
        Map.of(
            "shopName",
            "",
            "slug",
            fresh,
            "email",
            fresh + "@example.cn",
            "password",
            "x1x1x1x1x1x"),
        "shopName");
    StorefrontIT.shop(fresh).get("/api/public/shop").then().statusCode(404);
  }

  private static void expectField(Map<String, Object> body, String field) {
    api()
        .body(body)
        .post("/api/public/signup")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }
}
