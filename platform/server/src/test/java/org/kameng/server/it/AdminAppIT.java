package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin web app as the browser gets it from the server: page, deep links, assets, config. */
class AdminAppIT {

  @Test
  void deepLinksOpenTheAppPageWithoutCachingAndUnderAPolicy() {
    for (String path : new String[] {"/admin/", "/admin/shops/demo/orders/42", "/admin/callback"}) {
      given()
          .baseUri(TestStack.baseUrl())
          .redirects()
          .follow(false)
          .get(path)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Cache-Control", equalTo("no-cache"))
          .header("Content-Security-Policy", containsString("script-src 'self'"))
          .header("Content-Security-Policy", containsString(TestStack.keycloakUrl()))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .body(containsString("<div id=\"app\">"));
    }
  }

  @Test
  void hashedAssetsAreCachedForGoodAndMissingFilesAre404() {
    String page = given().baseUri(TestStack.baseUrl()).get("/admin/").asString();
    Matcher script = Pattern.compile("src=\"(/admin/assets/[^\"]+\\.js)\"").matcher(page);
    assertNotNull(script.find() ? script.group(1) : null, "the page names its script");
    given()
        .baseUri(TestStack.baseUrl())
        .get(script.group(1))
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("immutable"));
    given().baseUri(TestStack.baseUrl()).get("/admin/assets/nope-123.js").then().statusCode(404);
    given().baseUri(TestStack.baseUrl()).get("/admin/missing.png").then().statusCode(404);
  }

  @Test
  void runtimeConfigNamesThisRunsKeycloak() {
    given()
        .baseUri(TestStack.baseUrl())
        .get("/admin/config.json")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-cache"))
        .body("keycloakUrl", equalTo(TestStack.keycloakUrl()))
        .body("realm", equalTo("kameng"))
        .body("clientId", equalTo("kameng-admin"))
        .body("apiBase", equalTo("/api"));
  }
}
