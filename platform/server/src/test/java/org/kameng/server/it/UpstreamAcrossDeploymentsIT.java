package org.kameng.server.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Docking across deployments: C is a shop on a SECOND Kameng deployment, with its own database; B
 * (on the server under test) resells C's item through the supplier-kameng connector over the
 * network, and A (same server as B) resells B's. Between B and C runs a network that loses the
 * answer to B's first order, after C has sold: B's purchase job times out, asks C, and delivers
 * what C sold then. A buyer at A pays and receives C's key; C drew B's balance once; every shop's
 * ledger balances in its own database.
 */
class UpstreamAcrossDeploymentsIT {

  private static final String SANDBOX_SECRET = "across-it-5d1f0e7a9c3b4e2d8f6a1c0b9e7d5a3f";
  // Names in src/test/liberty/it-hosts: B's server resolves them to this machine.
  private static final String C_SLUG = "dock-remote-c";
  private static final String B_SLUG = "dock-remote-b";

  private static SecondDeployment second;
  private static LostAnswerProxy network;

  @BeforeAll
  static void startTheSecondDeployment() throws Exception {
    second = SecondDeployment.start();
    network = new LostAnswerProxy(second.baseUrl());
  }

  @AfterAll
  static void stopIt() throws Exception {
    if (network != null) {
      network.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void aBuyerAtAGetsTheKeyOfCOnAnotherDeploymentAndALostAnswerBuysNothingTwice() throws Exception {
    FreshShop c = FreshShop.sellingAt(second.baseUrl(), C_SLUG, "5.00", 3);
    // C's database is not the server under test's: the server under test does not know C.
    StorefrontIT.shop(C_SLUG).get("/api/public/shop").then().statusCode(404);

    String[] bAtC = DockingSteps.reseller(c, "Shop B", "20.00");
    FreshShop b = FreshShop.sellingAt(B_SLUG, "1.00", 0);
    // B reaches C by C's name, through the lossy network in front of the second deployment.
    String bSupplier =
        DockingSteps.supplier(b, "http://" + C_SLUG + ".localhost:" + network.port(), bAtC);
    String bSku =
        b.owner()
            .body(Map.of("upstreamItemId", c.skuId, "markupKind", "FIXED", "markupValue", "1.00"))
            .post("/api/shops/" + b.slug + "/suppliers/" + bSupplier + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("6.00"))
            .body("cost.amount", equalTo("5.00"))
            .extract()
            .path("skuId");

    String[] aAtB = DockingSteps.reseller(b, "Shop A", "20.00");
    FreshShop a = FreshShop.selling("dock-remote-a", "1.00", 0);
    int port = URI.create(TestStack.baseUrl()).getPort();
    String aSupplier = DockingSteps.supplier(a, "http://" + B_SLUG + ".localhost:" + port, aAtB);
    String aSku =
        a.owner()
            .body(Map.of("upstreamItemId", bSku, "markupKind", "PERCENT", "markupValue", "50"))
            .post("/api/shops/" + a.slug + "/suppliers/" + aSupplier + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("9.00"))
            .extract()
            .path("skuId");

    String sandbox =
        a.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    JsonPath placed = a.order(sandbox, aSku);
    io.restassured.RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);

    // B's first order reaches C and C sells; B hears nothing within its timeout, then follows up
    // (3 s later) and A follows B up with backoff: well within two minutes. Order lookups are
    // rate-limited per address (and earlier tests of the run share it): a 429 only means later.
    JsonPath order = null;
    for (int i = 0; i < 150; i++) {
      Response lookup =
          a.buyer()
              .body(Map.of("token", placed.getString("token")))
              .post("/api/public/orders/lookup");
      if (lookup.statusCode() != 429) {
        assertEquals(200, lookup.statusCode(), lookup.asString());
        order = lookup.jsonPath();
        String status = order.getString("status");
        assertNotEquals("PAID_UNDELIVERABLE", status, "gave up: " + order.prettify());
        if ("DELIVERED".equals(status)) {
          break;
        }
      }
      Thread.sleep(1000);
    }
    assertNotNull(order, "the order could never be looked up");
    assertEquals("DELIVERED", order.getString("status"), order.prettify());
    List<String> keys = order.getList("keys");
    assertEquals(1, keys.size());
    assertTrue(keys.get(0).startsWith(C_SLUG + "-KEY-"), "C's key at A: " + keys);

    // The lost answer was a sale at C, and B did not place again after it: one order, one key,
    // one draw of 5.00 from B's balance at C.
    assertEquals(1, network.orderAnswers.size(), "orders B placed at C: " + network.passed);
    assertTrue(network.orderAnswers.get(0) < 300, "C sold: " + network.orderAnswers);
    assertTrue(
        network.passed.stream().anyMatch(r -> r.startsWith("GET /api/reseller/v1/")),
        "B asked C after the timeout: " + network.passed);
    assertEquals("15.00", DockingSteps.balance(c, bAtC[2]), "C drew B's 5.00 once");
    assertEquals("14.00", DockingSteps.balance(b, aAtB[2]), "B drew A's 6.00 once");

    for (FreshShop shop : List.of(a, b, c)) {
      List<Map<String, Object>> rows = DockingSteps.ledger(shop).getList("$");
      assertEquals(
          0L,
          rows.stream().mapToLong(r -> ((Number) r.get("minorUnits")).longValue()).sum(),
          shop.slug + "'s ledger balances");
    }
    assertEquals(600, DockingSteps.account(DockingSteps.ledger(a), "UPSTREAM_COSTS"));
    assertEquals(500, DockingSteps.account(DockingSteps.ledger(b), "UPSTREAM_COSTS"));
    assertEquals(
        2000 - 500,
        DockingSteps.account(DockingSteps.ledger(c), "RESELLER_CREDIT"),
        "B's deposit less its draw");

    // Later follow-ups (jobs, callbacks) buy nothing more.
    Thread.sleep(2000);
    assertEquals(1, network.orderAnswers.size(), "orders B placed at C: " + network.passed);
    assertEquals("15.00", DockingSteps.balance(c, bAtC[2]));
  }
}
