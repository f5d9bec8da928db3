package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reseller imports card keys over HTTP: the upload is accepted at once and imported in the
 * background, its progress and report are read back, a re-run adds nothing, and the owner's export
 * returns what was imported.
 */
class CardKeysIT {

  static final String STEAM_100 = "00000000-0000-4000-8000-0000000e0002";
  static final String MEMBERSHIP = "00000000-0000-4000-8000-0000000e0003";

  private static String resellerToken;
  private static String adminToken;

  @BeforeAll
  static void signIn() throws Exception {
    resellerToken = TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword());
    adminToken = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
  }

  private static RequestSpecification asReseller() {
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(resellerToken);
  }

  @Test
  void tenThousandKeysAreImportedOnceAndExportedBack() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    StringBuilder file = new StringBuilder("\uFEFF");
    for (int i = 0; i < 10_000; i++) {
      file.append("IT-").append(run).append('-').append(i).append(i % 10 == 0 ? ",gift\r\n" : "\n");
    }
    file.append("bad\u0007key\n");

    JsonPath first = importAndWait(file.toString());
    assertEquals(10_000, first.getLong("imported"));
    assertEquals(1, first.getLong("rejected"));
    assertTrue(
        first.getString("rejectionsJson").contains("10001"), first.getString("rejectionsJson"));

    JsonPath again = importAndWait(file.toString());
    assertEquals(0, again.getLong("imported"));
    assertEquals(10_000, again.getLong("duplicates"));

    String exported =
        asReseller()
            .get("/api/shops/demo/skus/" + STEAM_100 + "/keys/export")
            .then()
            .statusCode(200)
            .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
            .extract()
            .asString();
    assertTrue(exported.contains("IT-" + run + "-9999\n"), "export has the imported keys");
    assertTrue(exported.contains("IT-" + run + "-10,gift\n"), "and their notes");
  }

  @Test
  void importIntoAProductThatIsNotCardKeysIsABadRequest() {
    asReseller()
        .contentType("text/plain")
        .body("KEY-1\n")
        .post("/api/shops/demo/skus/" + MEMBERSHIP + "/keys/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void unknownSkuIsNotFound() {
    asReseller()
        .contentType("text/plain")
        .body("KEY-1\n")
        .post("/api/shops/demo/skus/" + UUID.randomUUID() + "/keys/imports")
        .then()
        .statusCode(404);
  }

  @Test
  void aNonMemberCannotImportOrExport() {
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(adminToken)
        .contentType("text/plain")
        .body("KEY-1\n")
        .post("/api/shops/demo/skus/" + STEAM_100 + "/keys/imports")
        .then()
        .statusCode(404);
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(adminToken)
        .get("/api/shops/demo/skus/" + STEAM_100 + "/keys/export")
        .then()
        .statusCode(404);
  }

  private static JsonPath importAndWait(String body) throws InterruptedException {
    String location =
        asReseller()
            .contentType("text/plain; charset=UTF-8")
            .body(body)
            .post("/api/shops/demo/skus/" + STEAM_100 + "/keys/imports")
            .then()
            .statusCode(202)
            .body("importId", notNullValue())
            .extract()
            .header("Location");
    for (int i = 0; i < 300; i++) {
      JsonPath status = asReseller().get(location).then().statusCode(200).extract().jsonPath();
      if (!"RUNNING".equals(status.getString("status"))) {
        assertEquals("DONE", status.getString("status"));
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import did not finish");
  }

  @Test
  void stockIsReported() {
    asReseller()
        .get("/api/shops/demo/skus/" + STEAM_100 + "/keys/stock")
        .then()
        .statusCode(200)
        .body("skuId", equalTo(STEAM_100));
  }
}
