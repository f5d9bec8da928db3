package org.kameng.server.it;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream fulfilment end to end on one running platform: shop A sells an UPSTREAM product sourced
 * from shop B through the supplier-kameng connector, over B's real reseller API (by B's address,
 * through the guarded outbound client, never a shortcut into B's tables). A buyer pays at A through
 * the sandbox channel; A's purchase job buys from B; the buyer sees B's key at A; B draws A's
 * balance once; A's ledger shows the upstream cost and the margin.
 */
class UpstreamFulfilmentIT {

  private static final String SANDBOX_SECRET = "upstream-it-0c9a4e5f7b2d4c1e8a6f3b5d7c9e1a2b";
  private static final String B_SLUG = "dock-upstream-b";
  private static final String C_SLUG = "dock-upstream-c";
  private static final String CHAIN_B_HOST = "dock-chain-b";

  private static FreshShop a;
  private static FreshShop b;
  private static String resellerAtB;
  private static String keyId;
  private static String secret;

  @BeforeAll
  static void shopAResellsWhatShopBHolds() throws Exception {
    b = FreshShop.sellingAt(B_SLUG, "10.00", 5);
    String base = "/api/shops/" + b.slug;
    resellerAtB =
        b.owner()
            .body(Map.of("name", "Shop A", "level", 2))
            .post(base + "/resellers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    b.owner()
        .body(Map.of("discountKind", "PERCENT_OFF", "discountValue", "10"))
        .put(base + "/reseller-levels/2")
        .then()
        .statusCode(200);
    JsonPath key =
        b.owner()
            .body(Map.of())
            .post(base + "/resellers/" + resellerAtB + "/keys")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    keyId = key.getString("keyId");
    secret = key.getString("secret");
    b.owner()
        .body(Map.of("amount", "50.00", "note", "shop A's deposit"))
        .post(base + "/resellers/" + resellerAtB + "/top-ups")
        .then()
        .statusCode(201);
    a = FreshShop.selling("dock-a", "1.00", 0);
  }

  @Test
  void aBuyerAtAGetsBsKeyBIsPaidOnceAndAKeepsTheMargin() throws Exception {
    int port = URI.create(TestStack.baseUrl()).getPort();
    String suppliers = "/api/shops/" + a.slug + "/suppliers";

    // A wrong secret is refused by the connector's own check, naming the field; nothing saved.
    a.owner()
        .body(
            Map.of(
                "connector",
                "supplier-kameng",
                "name",
                "Shop B",
                "values",
                Map.of(
                    "baseUrl",
                    "http://" + B_SLUG + ".localhost:" + port,
                    "keyId",
                    keyId,
                    "secret",
                    "not-a-secret")))
        .post(suppliers)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("values.secret"));
    a.owner().get(suppliers).then().statusCode(200).body("size()", equalTo(0));

    Response created =
        a.owner()
            .body(
                Map.of(
                    "connector",
                    "supplier-kameng",
                    "name",
                    "Shop B",
                    "values",
                    Map.of(
                        "baseUrl", "http://" + B_SLUG + ".localhost:" + port,
                        "keyId", keyId,
                        "secret", secret)))
            .post(suppliers);
    created
        .then()
        .statusCode(201)
        .body("secretsSet", hasItem("secret"))
        .body("settings", not(org.hamcrest.Matchers.hasKey("secret")));
    assertTrue(!created.asString().contains(secret), "the secret is write-only");
    String supplier = created.path("id");

    // The upstream's catalogue at A's wholesale price (10 % off 10.00); B may list the sync
    // test's item too.
    a.owner()
        .get(suppliers + "/" + supplier + "/catalogue")
        .then()
        .statusCode(200)
        .body("upstreamId", hasItem(b.skuId))
        .body("find { it.upstreamId == '" + b.skuId + "' }.price.amount", equalTo("9.00"));

    // Renaming keeps the write-only secret: the catalogue still answers through it.
    a.owner()
        .body(Map.of("name", "Shop B (cards)", "values", Map.of("secret", "")))
        .patch(suppliers + "/" + supplier)
        .then()
        .statusCode(200)
        .body("name", equalTo("Shop B (cards)"))
        .body("revision", equalTo(2))
        .body("secretsSet", hasItem("secret"));
    // Bad input names the field and creates nothing.
    a.owner()
        .body(Map.of("upstreamItemId", b.skuId, "markupKind", "HALF", "markupValue", "1"))
        .post(suppliers + "/" + supplier + "/imports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("markupKind"));
    a.owner()
        .body(Map.of("upstreamItemId", "no-such-item", "markupKind", "FIXED", "markupValue", "1"))
        .post(suppliers + "/" + supplier + "/imports")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("upstreamItemId"));

    // A fixed price below the cost is raised to the cost: the floor.
    a.owner()
        .body(Map.of("upstreamItemId", b.skuId, "markupKind", "FIXED_PRICE", "markupValue", "1.00"))
        .post(suppliers + "/" + supplier + "/imports")
        .then()
        .statusCode(201)
        .body("price.amount", equalTo("9.00"));
    JsonPath imported =
        a.owner()
            .body(Map.of("upstreamItemId", b.skuId, "markupKind", "PERCENT", "markupValue", "20"))
            .post(suppliers + "/" + supplier + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("10.80"))
            .body("cost.amount", equalTo("9.00"))
            .extract()
            .jsonPath();
    String localSku = imported.getString("skuId");

    String sandbox =
        a.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    JsonPath placed = a.order(sandbox, localSku);
    given(URI.create(placed.getString("payment.action.url")));

    JsonPath order = waitForDelivery(placed.getString("token"));
    assertEquals("DELIVERED", order.getString("status"));
    List<String> keys = order.getList("keys");
    assertEquals(1, keys.size());
    assertTrue(keys.get(0).startsWith(B_SLUG + "-KEY-"), "B's key at A: " + keys);

    // B drew A's balance once: 50.00 - 9.00.
    b.owner()
        .get("/api/shops/" + b.slug + "/resellers/" + resellerAtB)
        .then()
        .statusCode(200)
        .body("balance.amount", equalTo("41.00"));

    // A's ledger: the buyer's 10.80, the upstream's 9.00, the margin left as revenue after the fee.
    JsonPath ledger =
        a.owner()
            .get("/api/shops/" + a.slug + "/ledger")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    long paid = -DockingSteps.account(ledger, "BUYER_PAYMENTS");
    long upstream = DockingSteps.account(ledger, "UPSTREAM_COSTS");
    long fee = DockingSteps.account(ledger, "PLATFORM_FEES");
    long revenue = DockingSteps.account(ledger, "TENANT_REVENUE");
    assertEquals(1080, paid);
    assertEquals(900, upstream);
    assertEquals(paid - upstream - fee, revenue, "A keeps the margin");

    // A callback that the connector cannot verify (not signed with A's key at B) changes nothing.
    String line = order.getString("id").replace("-", "") + "-1";
    int forged =
        io.restassured.RestAssured.given()
            .baseUri(TestStack.baseUrl())
            .contentType("application/json")
            .body("{\"requestId\":\"" + line + "\",\"status\":\"FAILED\"}")
            .post("/api/public/upstream/" + a.tenantId + "/" + supplier + "/" + line)
            .statusCode();
    assertTrue(forged >= 400 && forged < 500, "forged callback answered " + forged);
    io.restassured.RestAssured.given()
        .baseUri(TestStack.baseUrl())
        .contentType("application/json")
        .body("{}")
        .post("/api/public/upstream/" + a.tenantId + "/" + supplier + "/not-a-line")
        .then()
        .statusCode(404);
    assertEquals("DELIVERED", a.lookup(placed.getString("token")).getString("status"));

    // Nothing is bought twice: no later run of the purchase job draws again.
    Thread.sleep(1500);
    b.owner()
        .get("/api/shops/" + b.slug + "/resellers/" + resellerAtB)
        .then()
        .body("balance.amount", equalTo("41.00"));
  }

  @Test
  void aChainABCDeliversCsKeyAtAAndEachLedgerBalances() throws Exception {
    // C holds the keys; B resells C's item as an UPSTREAM product; A resells B's.
    FreshShop c = FreshShop.sellingAt(C_SLUG, "5.00", 3);
    String[] bAtC = DockingSteps.reseller(c, "Shop B", "20.00");
    FreshShop chainB = FreshShop.sellingAt(CHAIN_B_HOST, "1.00", 0);
    int port = URI.create(TestStack.baseUrl()).getPort();
    String bSupplier =
        DockingSteps.supplier(chainB, "http://" + C_SLUG + ".localhost:" + port, bAtC);
    String bSku =
        chainB
            .owner()
            .body(Map.of("upstreamItemId", c.skuId, "markupKind", "FIXED", "markupValue", "1.00"))
            .post("/api/shops/" + chainB.slug + "/suppliers/" + bSupplier + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("6.00"))
            .extract()
            .path("skuId");
    // A buys from B through B's reseller API, at B's address.
    String[] aAtB = DockingSteps.reseller(chainB, "Shop A", "20.00");
    FreshShop chainA = FreshShop.selling("dock-chain-a", "1.00", 0);
    String aSupplier =
        DockingSteps.supplier(chainA, "http://" + CHAIN_B_HOST + ".localhost:" + port, aAtB);
    String aSku =
        chainA
            .owner()
            .body(Map.of("upstreamItemId", bSku, "markupKind", "PERCENT", "markupValue", "50"))
            .post("/api/shops/" + chainA.slug + "/suppliers/" + aSupplier + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("9.00"))
            .extract()
            .path("skuId");
    String sandbox =
        chainA.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    JsonPath placed = chainA.order(sandbox, aSku);
    given(URI.create(placed.getString("payment.action.url")));

    JsonPath order = waitForDelivery(chainA, placed.getString("token"));
    assertEquals("DELIVERED", order.getString("status"));
    List<String> keys = order.getList("keys");
    assertEquals(1, keys.size());
    assertTrue(keys.get(0).startsWith(C_SLUG + "-KEY-"), "C's key at A: " + keys);

    assertEquals("15.00", DockingSteps.balance(c, bAtC[2]), "C drew B's 5.00 once");
    assertEquals("14.00", DockingSteps.balance(chainB, aAtB[2]), "B drew A's 6.00 once");
    for (FreshShop shop : List.of(chainA, chainB, c)) {
      JsonPath ledger =
          shop.owner()
              .get("/api/shops/" + shop.slug + "/ledger")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> rows = ledger.getList("$");
      assertEquals(
          0L,
          rows.stream().mapToLong(r -> ((Number) r.get("minorUnits")).longValue()).sum(),
          shop.slug + "'s ledger balances");
    }
    JsonPath aLedger =
        chainA.owner().get("/api/shops/" + chainA.slug + "/ledger").then().extract().jsonPath();
    assertEquals(600, DockingSteps.account(aLedger, "UPSTREAM_COSTS"));
    JsonPath bLedger =
        chainB.owner().get("/api/shops/" + chainB.slug + "/ledger").then().extract().jsonPath();
    assertEquals(500, DockingSteps.account(bLedger, "UPSTREAM_COSTS"));
    assertEquals(
        2000 - 600, DockingSteps.account(bLedger, "RESELLER_CREDIT"), "A's deposit less its draw");
  }

  @Test
  void theSyncClosesWhatTheUpstreamSoldOutOrPricedAboveAndReopensWhatCameBackAndReprices()
      throws Exception {
    // B sells a second item, with no keys yet; another downstream shop of A's key imports it.
    String bSku = b.newSku("Sync card", "3.00");
    FreshShop down = FreshShop.selling("dock-sync", "1.00", 0);
    int port = URI.create(TestStack.baseUrl()).getPort();
    String supplier =
        DockingSteps.supplier(
            down, "http://" + B_SLUG + ".localhost:" + port, new String[] {keyId, secret});
    String base = "/api/shops/" + down.slug + "/suppliers/" + supplier;
    String localSku =
        down.owner()
            .body(Map.of("upstreamItemId", bSku, "markupKind", "FIXED", "markupValue", "1.00"))
            .post(base + "/imports")
            .then()
            .statusCode(201)
            .body("price.amount", equalTo("3.70"))
            .extract()
            .path("skuId");
    String channel =
        down.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    // The shop's staff are alerted through its notifiers: a webhook to a receiver of this test.
    BlockingQueue<String> alerts = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    down.owner()
        .body(
            Map.of(
                "plugin",
                "notifier-webhook",
                "name",
                "Alerts",
                "values",
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "signingSecret",
                    "sync-alerts-" + "0123456789abcdef0123456789abcdef")))
        .post("/api/shops/" + down.slug + "/plugin-configs")
        .then()
        .statusCode(201);

    // Sold out upstream: closed, with the reason visible to the owner; buyers cannot order it.
    JsonPath state = syncNow(down, base, 1);
    assertEquals(true, state.getBoolean("lastOk"), state.prettify());
    assertEquals(localSku, state.getString("closedSkus[0].skuId"));
    assertEquals("UPSTREAM_SOLD_OUT", state.getString("closedSkus[0].reason"));
    int refused =
        down.buyer()
            .body(
                Map.of(
                    "skuId",
                    localSku,
                    "quantity",
                    1,
                    "buyerEmail",
                    "b@example.cn",
                    "channelId",
                    channel))
            .post("/api/public/orders")
            .statusCode();
    assertTrue(refused >= 400 && refused < 500, "an order for a closed SKU: " + refused);
    String alert = alerts.poll(30, TimeUnit.SECONDS);
    receiver.stop(0);
    assertTrue(alert != null, "no alert reached the shop's webhook");
    JsonPath event = new JsonPath(alert);
    assertEquals("upstream.closed", event.getString("type"));
    assertEquals("UPSTREAM_SOLD_OUT", event.getString("data.reason"));
    assertTrue(event.getString("data.skuName").contains("Sync card"), alert);

    // Back in stock: reopened by the sync.
    b.importKeys(bSku, "SYNC-", 2);
    state = syncNow(down, base, 2);
    assertEquals(0, state.getList("closedSkus").size(), state.prettify());
    assertEquals(1, state.getInt("reopened"));
    down.order(channel, localSku);

    // The SKU's pricing rule is the import's; a bad change names its field and changes nothing.
    String pricing = "/api/shops/" + down.slug + "/skus/" + localSku + "/upstream";
    down.owner()
        .body(Map.of("markupKind", "FIXED_PRICE", "markupValue", "2.00"))
        .put(pricing + "/pricing")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("markupValue"));
    down.owner()
        .body(Map.of("markupKind", "PERCENT", "markupValue", "10", "floorMargin", "x"))
        .put(pricing + "/pricing")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("floorMargin"));
    down.owner()
        .get(pricing)
        .then()
        .statusCode(200)
        .body("markupKind", equalTo("FIXED"))
        .body("markupValue", equalTo("1.00"));

    // B raises its price above A's local price (wholesale 9.00 > 3.70): A's markup follows it.
    b.owner()
        .body(Map.of("name", "Sync card", "price", "10.00"))
        .put("/api/shops/" + b.slug + "/catalog/skus/" + bSku)
        .then()
        .statusCode(200);
    state = syncNow(down, base, 3);
    assertEquals(0, state.getList("closedSkus").size(), state.prettify());
    assertEquals(1, state.getInt("repriced"), state.prettify());
    assertEquals("3.70", state.getString("repricedSkus[0].from.amount"));
    assertEquals("10.00", state.getString("repricedSkus[0].to.amount"));

    // At a fixed price staff chose, a cost above it closes the SKU again.
    down.owner()
        .body(Map.of("markupKind", "FIXED_PRICE", "markupValue", "10.00"))
        .put(pricing + "/pricing")
        .then()
        .statusCode(200)
        .body("markupKind", equalTo("FIXED_PRICE"));
    b.owner()
        .body(Map.of("name", "Sync card", "price", "12.00"))
        .put("/api/shops/" + b.slug + "/catalog/skus/" + bSku)
        .then()
        .statusCode(200);
    state = syncNow(down, base, 4);
    assertEquals("UPSTREAM_PRICE_ABOVE_LOCAL", state.getString("closedSkus[0].reason"));

    // Another shop's owner sees nothing of it.
    b.owner()
        .get("/api/shops/" + down.slug + "/suppliers/" + supplier + "/sync")
        .then()
        .statusCode(404);
  }

  /** Asks for a sync and waits until the supplier's {@code runs}-th run has finished. */
  private static JsonPath syncNow(FreshShop shop, String supplierPath, int runs)
      throws InterruptedException {
    shop.owner().post(supplierPath + "/sync").then().statusCode(202);
    for (int i = 0; i < 100; i++) {
      JsonPath state =
          shop.owner().get(supplierPath + "/sync").then().statusCode(200).extract().jsonPath();
      if (state.getInt("runs") >= runs) {
        return state;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("sync run " + runs + " did not finish");
  }

  @Test
  void anotherShopsOwnerCannotSeeOrUseASupplier() {
    b.owner().get("/api/shops/" + a.slug + "/suppliers").then().statusCode(404);
    b.owner()
        .body(Map.of("connector", "supplier-kameng", "name", "x", "values", Map.of()))
        .post("/api/shops/" + a.slug + "/suppliers")
        .then()
        .statusCode(404);
  }

  private static void given(URI page) {
    io.restassured.RestAssured.given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(page)
        .then()
        .statusCode(200);
  }

  private static JsonPath waitForDelivery(String token) throws InterruptedException {
    return waitForDelivery(a, token);
  }

  private static JsonPath waitForDelivery(FreshShop shop, String token)
      throws InterruptedException {
    JsonPath order = shop.lookup(token);
    for (int i = 0; i < 150 && !"DELIVERED".equals(order.getString("status")); i++) {
      if ("PAID_UNDELIVERABLE".equals(order.getString("status"))) {
        break;
      }
      Thread.sleep(200);
      order = shop.lookup(token);
    }
    return order;
  }
}
