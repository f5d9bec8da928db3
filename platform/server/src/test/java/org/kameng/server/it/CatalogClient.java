package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;

/** The demo reseller's calls to the demo shop's catalog admin API, as the tests make them. */
final class CatalogClient {

  static final String CATALOG = "/api/shops/demo/catalog";

  private final String token;

  CatalogClient(String token) {
    this.token = token;
  }

  RequestSpecification request() {
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
  }

  Response get(String path) {
    return request().get(CATALOG + path);
  }

  Response post(String path, Object body) {
    return request().body(body).post(CATALOG + path);
  }

  Response put(String path, Object body) {
    return request().body(body).put(CATALOG + path);
  }

  Response delete(String path) {
    return request().delete(CATALOG + path);
  }

  /** Creates an item and returns its id. */
  String create(String path, Object body) {
    return post(path, body).then().statusCode(201).extract().path("id");
  }

  String createProduct(String category, String name, String fulfilment) {
    Map<String, Object> body = new HashMap<>(Map.of("name", name, "fulfilment", fulfilment));
    if (category != null) {
      body.put("categoryId", category);
    }
    return create("/products", body);
  }

  String createSku(String product, Map<String, Object> body) {
    return create("/products/" + product + "/skus", body);
  }

  void visibility(String product, boolean visible) {
    put("/products/" + product + "/visibility", Map.of("visible", visible)).then().statusCode(204);
  }

  /** The whole catalog as JSON text, to compare before and after a refused change. */
  String snapshot() {
    return get("").then().statusCode(200).extract().asString();
  }

  /** Runs the refused changes and asserts that the catalog is exactly as it was. */
  void assertUnchangedBy(Runnable refusedChanges) {
    String before = snapshot();
    refusedChanges.run();
    assertEquals(before, snapshot(), "a refused change wrote something");
  }

  static void expectFieldError(Response response, String field) {
    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  /** The demo shop's storefront, as a buyer sees it. */
  static JsonPath storefront() {
    return StorefrontIT.shop("demo")
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
