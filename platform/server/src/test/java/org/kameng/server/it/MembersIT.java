package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An owner builds the shop's team: invites staff who have no account, adds an existing account,
 * promotes, demotes and removes members; staff see orders but not the books or payment channels;
 * the last owner stays; invitations work once and can be withdrawn.
 */
class MembersIT {

  private static final String PASSWORD = "members-test-42";
  private static FreshShop shop;

  @BeforeAll
  static void aShop() throws Exception {
    shop = FreshShop.selling("team", "1.00", 0);
  }

  private static RequestSpecification as(String token) {
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static JsonPath invite(String email, String role) {
    return shop.owner()
        .body(Map.of("email", email, "role", role))
        .post("/api/shops/" + shop.slug + "/members")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static String token(JsonPath invited) {
    String url = invited.getString("acceptUrl");
    return url.substring(url.indexOf('#') + 1);
  }

  private static io.restassured.response.Response accept(String token, String password) {
    return given()
        .baseUri(TestStack.baseUrl())
        .contentType(ContentType.JSON)
        .body(Map.of("token", token, "password", password, "name", "Xiao Wang"))
        .post("/api/public/invitations/accept");
  }

  @Test
  void invitedStaffJoinSeeOrdersButNeitherBooksNorChannelsUntilPromoted() throws Exception {
    String email = "staff-" + shop.slug + "@example.cn";
    JsonPath invited = invite(email, "STAFF");
    assertEquals("INVITED", invited.getString("status"));
    String token = token(invited);
    // A weak password changes nothing: the invitation still works afterwards.
    accept(token, "short").then().statusCode(400).body("errors.field", hasItem("password"));
    accept(token, PASSWORD)
        .then()
        .statusCode(201)
        .body("slug", equalTo(shop.slug))
        .body("role", equalTo("STAFF"));
    accept(token, PASSWORD).then().statusCode(404);

    String staff = TestStack.keycloak().accessToken(email, PASSWORD);
    String base = "/api/shops/" + shop.slug;
    as(staff).get(base + "/orders").then().statusCode(200);
    as(staff).get(base + "/ledger").then().statusCode(403);
    as(staff).get(base + "/channels").then().statusCode(403);
    as(staff).get(base + "/members").then().statusCode(403);

    JsonPath team = shop.owner().get(base + "/members").then().statusCode(200).extract().jsonPath();
    String staffId = team.getString("members.find { it.email == '" + email + "' }.userId");
    assertEquals("STAFF", team.getString("members.find { it.email == '" + email + "' }.role"));

    shop.owner()
        .body(Map.of("role", "OWNER"))
        .patch(base + "/members/" + staffId)
        .then()
        .statusCode(200)
        .body("role", equalTo("OWNER"));
    // The new role arrives with the member's next token.
    String promoted = TestStack.keycloak().accessToken(email, PASSWORD);
    as(promoted).get(base + "/channels").then().statusCode(200);

    shop.owner().delete(base + "/members/" + staffId).then().statusCode(204);
    String removed = TestStack.keycloak().accessToken(email, PASSWORD);
    as(removed).get(base + "/orders").then().statusCode(404);
  }

  @Test
  void theLastOwnerCannotBeDemotedOrRemoved() {
    String base = "/api/shops/" + shop.slug;
    JsonPath team = shop.owner().get(base + "/members").then().statusCode(200).extract().jsonPath();
    String ownerId =
        team.getString("members.find { it.email == '" + shop.slug + "@example.cn' }.userId");
    shop.owner()
        .body(Map.of("role", "STAFF"))
        .patch(base + "/members/" + ownerId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    shop.owner().delete(base + "/members/" + ownerId).then().statusCode(400);
    shop.owner().get(base + "/channels").then().statusCode(200);
  }

  @Test
  void anExistingAccountIsAddedAtOnceAndAnInvitationCanBeWithdrawn() throws Exception {
    FreshShop other = FreshShop.selling("team-other", "1.00", 0);
    String existing = other.slug + "@example.cn";
    JsonPath added = invite(existing, "STAFF");
    assertEquals("ADDED", added.getString("status"));
    // That owner of another shop now also belongs to this one, and picks it by its slug.
    String token = TestStack.keycloak().accessToken(existing, FreshShop.PASSWORD);
    as(token).get("/api/shops/" + shop.slug + "/orders").then().statusCode(200);
    as(token).get("/api/shops/" + other.slug + "/channels").then().statusCode(200);

    JsonPath invited = invite("withdrawn-" + shop.slug + "@example.cn", "STAFF");
    String id = invited.getString("invitation.id");
    shop.owner()
        .get("/api/shops/" + shop.slug + "/members")
        .then()
        .body("invitations.id", hasItem(id));
    shop.owner().delete("/api/shops/" + shop.slug + "/invitations/" + id).then().statusCode(204);
    accept(token(invited), PASSWORD).then().statusCode(404);
    shop.owner()
        .get("/api/shops/" + shop.slug + "/members")
        .then()
        .body("invitations.id", not(hasItem(id)));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    shop.owner()
        .body(Map.of("email", "not-an-email", "role", "STAFF"))
        .post("/api/shops/" + shop.slug + "/members")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("email"));
    shop.owner()
        .body(Map.of("email", "x@example.cn"))
        .post("/api/shops/" + shop.slug + "/members")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("role"));
    accept("garbage", PASSWORD).then().statusCode(404);
  }
}
