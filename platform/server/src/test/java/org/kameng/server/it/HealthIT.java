package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/** The started server, seen from outside as a load balancer and an API client see it. */
class HealthIT {

  @Test
  void readinessIsUpOnceTheSchemaIsMigrated() {
    given()
        .baseUri(TestStack.baseUrl())
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("database"))
        .body("checks.find { it.name == 'database' }.data.schema", equalTo("current"));
  }

  @Test
  void livenessIsUp() {
    given().baseUri(TestStack.baseUrl()).get("/health/live").then().statusCode(200);
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    given()
        .baseUri(TestStack.baseUrl())
        .accept("application/json")
        .get("/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("Kameng API"))
        .body("paths.keySet()", hasItem("/api/me"))
        .body("paths.keySet()", hasItem("/api/platform/tenants"));
  }

  @Test
  void healthSaysNothingAboutInternals() {
    given()
        .baseUri(TestStack.baseUrl())
        .get("/health")
        .then()
        .statusCode(200)
        .body(not(containsString("jdbc:")))
        .body(not(containsString("password")));
  }
}
