package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo reseller builds and changes the demo shop's catalog over HTTP against the started
 * server, and what they build is what buyers see. Every item is new and uniquely named per run; the
 * demo shop's own products are never touched. Bad input: {@link CatalogBadInputIT}.
 */
class CatalogAdminIT {

  private static CatalogClient reseller;
  private static String adminToken;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void signIn() throws Exception {
    reseller =
        new CatalogClient(
            TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword()));
    adminToken = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
  }

  @Test
  void aProductIsBuiltStepByStepAndShownWithEverything() {
    String top = reseller.create("/categories", Map.of("name", "Games " + run));
    String sub = reseller.create("/categories", Map.of("name", "Steam " + run, "parentId", top));
    String product = reseller.createProduct(sub, "Top-up " + run, "MANUAL");
    String sku =
        reseller.createSku(product, Map.of("name", "¥12.30", "price", "12.30", "cost", "11"));
    reseller
        .put("/skus/" + sku + "/tiers", Map.of("tiers", List.of(tier(5, "11.50"))))
        .then()
        .statusCode(200)
        .body("[0].price", equalTo("11.50"));
    reseller
        .put(
            "/products/" + product + "/input-fields",
            Map.of("fields", List.of(Map.of("name", "account", "label", "Account"))))
        .then()
        .statusCode(200)
        .body("[0].required", equalTo(true));

    JsonPath detail =
        reseller.get("/products/" + product).then().statusCode(200).extract().jsonPath();
    assertEquals(sub, detail.getString("categoryId"));
    assertEquals("12.30", detail.getString("skus[0].price"));
    assertEquals("11.00", detail.getString("skus[0].cost"));
    assertEquals("CNY", detail.getString("skus[0].currency"));
    assertEquals(0, detail.getInt("skus[0].stock.available"));
    assertEquals("11.50", detail.getString("skus[0].tiers[0].price"));
    assertEquals("account", detail.getString("inputFields[0].name"));
    reseller.get("").then().statusCode(200).body("categories.id", hasItem(sub));
    assertEquals(sku, CatalogClient.storefront().getString(onStorefront(product) + ".skus[0].id"));

    reseller.delete("/products/" + product).then().statusCode(204);
    reseller.delete("/categories/" + sub).then().statusCode(204);
    reseller.delete("/categories/" + top).then().statusCode(204);
  }

  @Test
  void aHiddenProductLeavesTheStorefrontButNotTheAdminCatalog() {
    String product = reseller.createProduct(null, "Hidden " + run, "MANUAL");
    reseller.createSku(product, Map.of("name", "One", "price", "1.00"));
    assertNotNull(CatalogClient.storefront().get(onStorefront(product)));

    reseller.visibility(product, false);
    assertNull(CatalogClient.storefront().get(onStorefront(product)));
    reseller.get("").then().body(onStorefront(product) + ".visible", equalTo(false));

    reseller.visibility(product, true);
    assertNotNull(CatalogClient.storefront().get(onStorefront(product)));
    reseller.delete("/products/" + product).then().statusCode(204);
  }

  @Test
  void onlyEmptyCategoriesAreDeleted() {
    String top = reseller.create("/categories", Map.of("name", "Full " + run));
    String sub = reseller.create("/categories", Map.of("name", "Sub " + run, "parentId", top));
    String product = reseller.createProduct(sub, "Listed " + run, "MANUAL");

    reseller
        .delete("/categories/" + top)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("subcategories"));
    reseller
        .delete("/categories/" + sub)
        .then()
        .statusCode(409)
        .body("detail", containsString("products"));
    reseller.delete("/products/" + product).then().statusCode(204);
    reseller.delete("/categories/" + sub).then().statusCode(204);
    reseller.delete("/categories/" + top).then().statusCode(204);
  }

  @Test
  void anItemWithOrdersIsHiddenRatherThanDeleted() {
    String product = reseller.createProduct(null, "Sold " + run, "MANUAL");
    String sku = reseller.createSku(product, Map.of("name", "Once", "price", "3.00"));
    StorefrontIT.shop("demo")
        .contentType(ContentType.JSON)
        .body(Map.of("skuId", sku, "quantity", 1, "buyerEmail", "catalog@example.cn"))
        .post("/api/public/orders")
        .then()
        .statusCode(201);

    reseller
        .delete("/skus/" + sku)
        .then()
        .statusCode(409)
        .body("detail", containsString("Hide it instead"));
    reseller.delete("/products/" + product).then().statusCode(409);
    reseller
        .put("/products/" + product, Map.of("name", "Sold " + run, "fulfilment", "CARD_KEY"))
        .then()
        .statusCode(409);
    reseller.visibility(product, false);
    reseller.put("/skus/" + sku + "/visibility", Map.of("visible", false)).then().statusCode(204);
  }

  @Test
  void unknownIdsAreNotFound() {
    String unknown = UUID.randomUUID().toString();
    reseller.get("/products/" + unknown).then().statusCode(404);
    reseller
        .put("/skus/" + unknown + "/tiers", Map.of("tiers", List.of()))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    reseller.delete("/categories/" + unknown).then().statusCode(404);
  }

  @Test
  void aSignedInNonMemberGetsNotFoundAndChangesNothing() {
    CatalogClient outsider = new CatalogClient(adminToken);
    reseller.assertUnchangedBy(
        () -> {
          outsider.get("").then().statusCode(404);
          outsider.post("/categories", Map.of("name", "Intruder " + run)).then().statusCode(404);
        });
  }

  @Test
  void noTokenIsUnauthorized() {
    String catalog = CatalogClient.CATALOG;
    given().baseUri(TestStack.baseUrl()).get(catalog).then().statusCode(401);
    given()
        .baseUri(TestStack.baseUrl())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Anonymous"))
        .post(catalog + "/categories")
        .then()
        .statusCode(401);
  }

  static Map<String, Object> tier(int minQuantity, String price) {
    return Map.of("minQuantity", minQuantity, "price", price);
  }

  private static String onStorefront(String product) {
    return "products.find { it.id == '" + product + "' }";
  }
}
