package org.kameng.server.it;

import static org.kameng.server.it.CatalogAdminIT.tier;
import static org.kameng.server.it.CatalogClient.expectFieldError;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * T6 for the catalog admin API: bad input is a 400 problem naming the field, never a 500, and
 * writes nothing. Runs as the demo reseller on a product and SKU of its own.
 */
class CatalogBadInputIT {

  private static CatalogClient reseller;
  private static String product;
  private static String sku;

  @BeforeAll
  static void aProductToChange() throws Exception {
    reseller =
        new CatalogClient(
            TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword()));
    String run = UUID.randomUUID().toString().substring(0, 8);
    product = reseller.createProduct(null, "Checked " + run, "CARD_KEY");
    sku = reseller.createSku(product, Map.of("name", "¥10", "price", "10.00"));
  }

  @AfterAll
  static void removeIt() {
    reseller.delete("/products/" + product).then().statusCode(204);
  }

  @Test
  void badCategoriesAndProductsNameTheField() {
    reseller.assertUnchangedBy(
        () -> {
          expectFieldError(reseller.post("/categories", Map.of("name", "")), "name");
          expectFieldError(
              reseller.post(
                  "/categories", Map.of("name", "x", "parentId", UUID.randomUUID().toString())),
              "parentId");
          expectFieldError(
              reseller.post("/products", Map.of("name", "P", "fulfilment", "EMAIL")), "fulfilment");
          expectFieldError(
              reseller.post("/products", Map.of("name", "x".repeat(201), "fulfilment", "MANUAL")),
              "name");
          expectFieldError(
              reseller.put("/products/" + product + "/visibility", Map.of()), "visible");
        });
  }

  @Test
  void badSkusNameTheField() {
    String skus = "/products/" + product + "/skus";
    reseller.assertUnchangedBy(
        () -> {
          for (String price : new String[] {"1.005", "ten", "-1", "1e400", ""}) {
            expectFieldError(reseller.post(skus, Map.of("name", "S", "price", price)), "price");
          }
          expectFieldError(
              reseller.post(skus, Map.of("name", "S", "price", "1", "currency", "USD")),
              "currency");
          expectFieldError(
              reseller.post(
                  skus, Map.of("name", "S", "price", "1", "minQuantity", 5, "maxQuantity", 2)),
              "maxQuantity");
        });
  }

  @Test
  void badTiersAndInputFieldsNameTheField() {
    String tiers = "/skus/" + sku + "/tiers";
    reseller.assertUnchangedBy(
        () -> {
          expectFieldError(
              reseller.put(tiers, Map.of("tiers", List.of(tier(5, "10.01")))), "tiers[0].price");
          expectFieldError(
              reseller.put(tiers, Map.of("tiers", List.of(tier(5, "9"), tier(5, "8")))),
              "tiers[1].minQuantity");
          expectFieldError(
              reseller.put(
                  "/products/" + product + "/input-fields",
                  Map.of("fields", List.of(Map.of("name", "qq", "label", "QQ", "pattern", "[")))),
              "fields[0].pattern");
        });
  }

  @Test
  void unreadableOrMissingBodiesAreBadRequests() {
    String skus = "/products/" + product + "/skus";
    reseller.assertUnchangedBy(
        () -> {
          for (String body : new String[] {"{not json", "null", "", "{\"tiers\": 7}"}) {
            reseller
                .put("/skus/" + sku + "/tiers", body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
          }
          reseller.post("/categories", "").then().statusCode(400);
          for (String body :
              new String[] {
                "{\"name\": \"S\", \"price\": \"1\", \"maxQuantity\": 99999999999}",
                "{\"name\": \"S\", \"price\": \"1\", \"minQuantity\": \"many\"}",
                "[]"
              }) {
            reseller.post(skus, body).then().statusCode(400);
          }
        });
  }
}
