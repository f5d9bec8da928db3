package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kameng.docking.signing.RequestSignature;

/**
 * T1, generated from the server's own OpenAPI document so that a new endpoint is covered the day it
 * is added: every shop endpoint called by the owner of shop A against shop B's address answers 404
 * and never succeeds; every platform endpoint refuses a reseller; every non-public endpoint refuses
 * a request without a token.
 */
class IsolationMatrixIT {

  private static final String PASSWORD = "isolation-matrix-42";
  private static String slugA;
  private static String slugB;
  private static String ownerA;
  private static String staffA;
  private static List<String[]> operations;

  @BeforeAll
  static void twoShopsThroughTheRealSignup() throws Exception {
    slugA = openShop();
    slugB = openShop();
    ownerA = TestStack.keycloak().accessToken(slugA + "@example.cn", PASSWORD);
    staffA = staffOf(slugA, ownerA);
    operations = operations();
  }

  /** A staff member of the shop, invited by its owner and joined through the invitation. */
  static String staffOf(String slug, String owner) throws Exception {
    String email = "staff-" + slug + "@example.cn";
    String accept =
        given()
            .baseUri(TestStack.baseUrl())
            .auth()
            .oauth2(owner)
            .contentType(ContentType.JSON)
            .body(Map.of("email", email, "role", "STAFF"))
            .post("/api/shops/" + slug + "/members")
            .then()
            .statusCode(201)
            .extract()
            .path("acceptUrl");
    given()
        .baseUri(TestStack.baseUrl())
        .contentType(ContentType.JSON)
        .body(Map.of("token", accept.substring(accept.indexOf('#') + 1), "password", PASSWORD))
        .post("/api/public/invitations/accept")
        .then()
        .statusCode(201);
    return TestStack.keycloak().accessToken(email, PASSWORD);
  }

  @Test
  void everyShopEndpointDeclaresTheRoleItNeeds() {
    List<String> undeclared = new ArrayList<>();
    for (String[] op : operations) {
      if (op[1].startsWith("/api/shops/{slug}") && op[3] == null) {
        undeclared.add(op[0] + " " + op[1]);
      }
    }
    assertEquals(List.of(), undeclared, "shop endpoints without x-kameng-role");
  }

  @Test
  void staffAreRefusedEveryOwnerOnlyEndpointAndAdmittedToTheRest() {
    List<String> wrong = new ArrayList<>();
    int ownerOnly = 0;
    for (String[] op : operations) {
      if (!op[1].startsWith("/api/shops/{slug}") || op[3] == null) {
        continue;
      }
      Response r = call(op, fill(op[1], slugA), staffA);
      if ("OWNER".equals(op[3])) {
        ownerOnly++;
        if (r.statusCode() != 403) {
          wrong.add("owner-only " + op[0] + " " + op[1] + " -> " + r.statusCode());
        }
      } else if (r.statusCode() == 403 || r.statusCode() == 401) {
        wrong.add("staff " + op[0] + " " + op[1] + " -> " + r.statusCode());
      }
    }
    assertTrue(ownerOnly >= 10, "expected owner-only endpoints, found " + ownerOnly);
    assertEquals(List.of(), wrong, "staff access differs from what the API document declares");
  }

  @Test
  void everyShopEndpointRefusesAnotherShopsOwner() {
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (String[] op : operations) {
      if (!op[1].startsWith("/api/shops/{slug}")) {
        continue;
      }
      checked++;
      Response r = call(op, fill(op[1], slugB), ownerA);
      if (r.statusCode() != 404) {
        leaks.add(op[0] + " " + op[1] + " -> " + r.statusCode());
      }
    }
    assertTrue(checked >= 20, "expected the shop endpoints in the API document, found " + checked);
    assertEquals(List.of(), leaks, "shop endpoints reachable by another shop's owner");
  }

  @Test
  void everyPlatformEndpointRefusesAReseller() {
    List<String> leaks = new ArrayList<>();
    for (String[] op : operations) {
      if (op[1].startsWith("/api/platform/")) {
        Response r = call(op, fill(op[1], slugB), ownerA);
        if (r.statusCode() != 403) {
          leaks.add(op[0] + " " + op[1] + " -> " + r.statusCode());
        }
      }
    }
    assertEquals(List.of(), leaks, "platform endpoints reachable by a reseller");
  }

  @Test
  void everyNonPublicEndpointNeedsAToken() {
    List<String> open = new ArrayList<>();
    for (String[] op : operations) {
      if (!op[1].startsWith("/api/public/")) {
        Response r = call(op, fill(op[1], slugB), null);
        if (r.statusCode() != 401) {
          open.add(op[0] + " " + op[1] + " -> " + r.statusCode());
        }
      }
    }
    assertEquals(List.of(), open, "endpoints answering without a token");
  }

  @Test
  void everyResellerEndpointRefusesAnotherShopsKey() {
    String reseller =
        given()
            .baseUri(TestStack.baseUrl())
            .auth()
            .oauth2(ownerA)
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Matrix reseller"))
            .post("/api/shops/" + slugA + "/resellers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonPath key =
        given()
            .baseUri(TestStack.baseUrl())
            .auth()
            .oauth2(ownerA)
            .contentType(ContentType.JSON)
            .body("{}")
            .post("/api/shops/" + slugA + "/resellers/" + reseller + "/keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    ResellerClient keyOfA =
        new ResellerClient(slugA, key.getString("keyId"), key.getString("secret"));
    keyOfA.get("/api/reseller/v1/balance").then().statusCode(200);
    ResellerClient atB = keyOfA.at(slugB);
    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (String[] op : operations) {
      if (!op[1].startsWith("/api/reseller/")) {
        continue;
      }
      checked++;
      Response r =
          atB.send(
              op[0],
              fill(op[1], slugB),
              op[2] == null ? null : "{}",
              Instant.now(),
              RequestSignature.newNonce());
      if (r.statusCode() != 401) {
        leaks.add(op[0] + " " + op[1] + " -> " + r.statusCode());
      }
    }
    assertTrue(checked >= 5, "expected the reseller API in the API document, found " + checked);
    assertEquals(List.of(), leaks, "reseller endpoints answering another shop's key");
  }

  // op: method, path template, and the body media type the document declares (or none).
  private static Response call(String[] op, String path, String token) {
    var request = given().baseUri(TestStack.baseUrl());
    if (op[2] != null) {
      request =
          op[2].contains("json") || op[2].startsWith("text/")
              ? request.contentType(op[2]).body(op[2].contains("json") ? "{}" : "x\n")
              : request.contentType(op[2]).body(new byte[] {'x', '\n'});
    }
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.request(op[0], path);
  }

  // Path templates with every parameter filled: the target shop's slug, fresh ids elsewhere.
  private static String fill(String template, String slug) {
    return template.replace("{slug}", slug).replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
  }

  private static List<String[]> operations() {
    JsonPath api =
        given().baseUri(TestStack.baseUrl()).accept("application/json").get("/openapi").jsonPath();
    Map<String, Map<String, Object>> paths = api.getMap("paths");
    List<String[]> found = new ArrayList<>();
    paths.forEach(
        (path, methods) ->
            methods.forEach(
                (method, operation) -> {
                  if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    found.add(
                        new String[] {
                          method.toUpperCase(), path, bodyType(operation), role(operation)
                        });
                  }
                }));
    return found;
  }

  @SuppressWarnings("unchecked")
  private static String role(Object operation) {
    Object role = ((Map<String, Object>) operation).get("x-kameng-role");
    return role == null ? null : role.toString();
  }

  @SuppressWarnings("unchecked")
  private static String bodyType(Object operation) {
    Object body = ((Map<String, Object>) operation).get("requestBody");
    if (!(body instanceof Map<?, ?> requestBody)
        || !(requestBody.get("content") instanceof Map<?, ?> content)
        || content.isEmpty()) {
      return null;
    }
    return content.keySet().iterator().next().toString();
  }

  private static String openShop() {
    String slug = "iso-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .baseUri(TestStack.baseUrl())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "shopName",
                "Isolation " + slug,
                "slug",
                slug,
                "email",
                slug + "@example.cn",
                "password",
                PASSWORD))
        .post("/api/public/signup")
        .then()
        .statusCode(201);
    return slug;
  }
}
