package org.kameng.server.it;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * The owner's steps of docking one shop to another through the admin API, shared by the docking
 * tests on one platform and across two deployments, so both dock the way a reseller does.
 */
final class DockingSteps {

  private DockingSteps() {}

  /**
   * Makes {@code name} a reseller of {@code upstream} with an API key and a deposit.
   *
   * @return the key id, the key's secret and the reseller's id
   */
  static String[] reseller(FreshShop upstream, String name, String deposit) {
    String base = "/api/shops/" + upstream.slug;
    String id =
        upstream
            .owner()
            .body(Map.of("name", name))
            .post(base + "/resellers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonPath key =
        upstream
            .owner()
            .body(Map.of())
            .post(base + "/resellers/" + id + "/keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    upstream
        .owner()
        .body(Map.of("amount", deposit, "note", "deposit"))
        .post(base + "/resellers/" + id + "/top-ups")
        .then()
        .statusCode(201);
    return new String[] {key.getString("keyId"), key.getString("secret"), id};
  }

  /** Docks {@code shop} to the upstream at {@code baseUrl} with a key {@link #reseller} issued. */
  static String supplier(FreshShop shop, String baseUrl, String[] key) {
    return shop.owner()
        .body(
            Map.of(
                "connector",
                "supplier-kameng",
                "name",
                "Upstream",
                "values",
                Map.of("baseUrl", baseUrl, "keyId", key[0], "secret", key[1])))
        .post("/api/shops/" + shop.slug + "/suppliers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A reseller's balance at {@code upstream}, as the decimal string the API writes. */
  static String balance(FreshShop upstream, String resellerId) {
    return upstream
        .owner()
        .get("/api/shops/" + upstream.slug + "/resellers/" + resellerId)
        .then()
        .statusCode(200)
        .extract()
        .path("balance.amount");
  }

  static JsonPath ledger(FreshShop shop) {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/ledger")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The sum in minor units of one ledger account's CNY rows. */
  static long account(JsonPath ledger, String account) {
    List<Map<String, Object>> rows = ledger.getList("$");
    return rows.stream()
        .filter(r -> account.equals(r.get("account")) && "CNY".equals(r.get("currency")))
        .mapToLong(r -> ((Number) r.get("minorUnits")).longValue())
        .sum();
  }
}
