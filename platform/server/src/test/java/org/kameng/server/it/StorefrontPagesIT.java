package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storefront's HTML pages against the running server: tenant input renders inert, forms from
 * other sites are refused, every page carries its security headers, pages with orders or keys are
 * never stored, unknown and suspended hosts get proper pages, and the theme admin API checks what
 * it stores.
 */
class StorefrontPagesIT {

  private static final String XSS = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
  private static final String STEAM_50 = StorefrontIT.STEAM_50;
  private static final String MANUAL_CHANNEL = StorefrontIT.MANUAL_CHANNEL;

  private static FreshShop shop;
  private static String xssProduct;

  @BeforeAll
  static void aShopWithHostileNames() throws Exception {
    shop = FreshShop.selling("pages", "12.50", 3);
    String catalog = "/api/shops/" + shop.slug + "/catalog";
    xssProduct =
        shop.owner()
            .body(
                Map.of("name", XSS, "description", XSS + "\nsecond line", "fulfilment", "CARD_KEY"))
            .post(catalog + "/products")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    shop.owner()
        .body(Map.of("name", XSS, "price", "3.00"))
        .post(catalog + "/products/" + xssProduct + "/skus")
        .then()
        .statusCode(201);
    shop.owner()
        .body(Map.of("visible", true))
        .put(catalog + "/products/" + xssProduct + "/visibility")
        .then()
        .statusCode(204);
  }

  static RequestSpecification page(String slug) {
    return given()
        .baseUri(TestStack.baseUrl())
        .header("Host", host(slug))
        .header("Accept", "text/html")
        .redirects()
        .follow(false);
  }

  static String host(String slug) {
    return slug + ".localhost:" + URI.create(TestStack.baseUrl()).getPort();
  }

  @Test
  void hostileProductNamesDescriptionsAndAnnouncementsRenderInert() {
    shop.owner()
        .body(Map.of("theme", "league", "settings", Map.of("announcement", XSS)))
        .put("/api/shops/" + shop.slug + "/theme")
        .then()
        .statusCode(200)
        .body("theme", equalTo("league"));
    for (String path : List.of("/", "/p/" + xssProduct)) {
      String html = page(shop.slug).get(path).then().statusCode(200).extract().asString();
      assertFalse(html.contains("<script>alert"), path + ": a script tag got through");
      assertFalse(html.contains("<img src=x"), path + ": an attribute break-out got through");
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"), path);
    }
    assertTrue(page(shop.slug).get("/").asString().contains("/assets/league/"), "league's CSS");
    shop.owner()
        .body(Map.of("theme", "aurora", "settings", Map.of()))
        .put("/api/shops/" + shop.slug + "/theme")
        .then()
        .statusCode(200);
  }

  @Test
  void everyPageCarriesItsSecurityHeaders() {
    for (String path : List.of("/", "/p/" + xssProduct, "/lookup", "/p/" + UUID.randomUUID())) {
      Response r = page(shop.slug).get(path);
      String csp = r.header("Content-Security-Policy");
      assertNotNull(csp, path);
      assertTrue(csp.contains("script-src 'self';"), path + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), path);
      assertEquals("same-origin", r.header("Referrer-Policy"), path);
      assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
      assertEquals("DENY", r.header("X-Frame-Options"), path);
    }
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefusedAndPlacesNoOrder() {
    String sku = shop.skuId;
    long before = orders(shop);
    for (Map<String, String> headers :
        List.of(
            Map.of("Origin", "https://evil.example"),
            Map.of("Referer", "https://evil.example/" + shop.slug + ".localhost/"),
            Map.<String, String>of())) {
      page(shop.slug)
          .headers(headers)
          .contentType(ContentType.URLENC)
          .formParams(Map.of("sku", sku, "quantity", "1", "email", "b@example.cn"))
          .post("/checkout")
          .then()
          .statusCode(403)
          .contentType(containsString("text/html"))
          .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }
    assertEquals(before, orders(shop), "a refused form placed an order");
  }

  @Test
  void aBuyerPaysOnThePagesAndTheOrderPageShowsTheKeyWithoutStoringIt() throws Exception {
    page("demo")
        .get("/checkout?sku=" + STEAM_50 + "&quantity=1")
        .then()
        .statusCode(200)
        .body(containsString("name=\"channel\""));
    Response placed =
        page("demo")
            .header("Origin", "http://" + host("demo"))
            .contentType(ContentType.URLENC)
            .formParams(
                Map.of(
                    "sku",
                    STEAM_50,
                    "quantity",
                    "1",
                    "email",
                    "pages@example.cn",
                    "channel",
                    MANUAL_CHANNEL))
            .post("/checkout");
    placed.then().statusCode(200).header("Cache-Control", containsString("no-store"));
    String cookie = placed.header("Set-Cookie");
    assertTrue(cookie.startsWith("kameng_order="), cookie);
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    String token = placed.getCookie("kameng_order");

    Response pending = page("demo").cookie("kameng_order", token).get("/order");
    pending
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body(containsString("http-equiv=\"refresh\""));

    String orderId =
        given()
            .baseUri(TestStack.baseUrl())
            .header("Host", host("demo"))
            .contentType(ContentType.JSON)
            .body(Map.of("token", token))
            .post("/api/public/orders/lookup")
            .then()
            .extract()
            .path("id");
    String reseller = TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword());
    String paymentId =
        given()
            .baseUri(TestStack.baseUrl())
            .auth()
            .oauth2(reseller)
            .get("/api/shops/demo/orders/" + orderId)
            .then()
            .statusCode(200)
            .extract()
            .path("payments[0].id");
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(reseller)
        .post("/api/shops/demo/orders/" + orderId + "/payments/" + paymentId + "/confirm")
        .then()
        .statusCode(200);

    String key = null;
    for (int i = 0; i < 100 && key == null; i++) {
      Response r = page("demo").cookie("kameng_order", token).get("/order");
      Matcher m = Pattern.compile("data-copy=\"(DEMO-[A-Z2-9-]+)\"").matcher(r.asString());
      if (m.find()) {
        key = m.group(1);
        r.then().header("Cache-Control", containsString("no-store"));
        assertFalse(r.asString().contains("http-equiv=\"refresh\""), "a delivered page reloads");
      } else {
        Thread.sleep(100);
      }
    }
    assertNotNull(key, "the order page never showed the key");
    String logs = Files.readString(Path.of("target/liberty-usr/servers/kameng/logs/messages.log"));
    assertFalse(logs.contains(key), "card key in the server log");
    assertFalse(logs.contains(token), "order token in the server log");
  }

  @Test
  void aCouponEnteredAtCheckoutDiscountsTheOrderAndABadOneIsShownAtItsField() {
    Response refused = checkoutWithCoupon("NOT-A-COUPON");
    refused
        .then()
        .statusCode(422)
        .body(containsString("aria-invalid=\"true\""))
        .body(containsString("This coupon code cannot be used for this order."));
    assertEquals(null, refused.getCookie("kameng_order"), "a refused coupon placed an order");

    Response placed = checkoutWithCoupon("DEMO10");
    placed.then().statusCode(200);
    String token = placed.getCookie("kameng_order");
    given()
        .baseUri(TestStack.baseUrl())
        .header("Host", host("demo"))
        .contentType(ContentType.JSON)
        .body(Map.of("token", token))
        .post("/api/public/orders/lookup")
        .then()
        .statusCode(200)
        .body("total.amount", org.hamcrest.Matchers.equalTo("43.65"));
  }

  private static Response checkoutWithCoupon(String coupon) {
    return page("demo")
        .header("Origin", "http://" + host("demo"))
        .header("Accept-Language", "en")
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "sku", STEAM_50,
                "quantity", "1",
                "email", "coupon-pages@example.cn",
                "channel", MANUAL_CHANNEL,
                "coupon", coupon))
        .post("/checkout");
  }

  @Test
  void aLookupByTokenKeepsItInACookieNotInTheAddress() {
    page("demo")
        .header("Origin", "http://" + host("demo"))
        .contentType(ContentType.URLENC)
        .formParams(Map.of("token", "x".repeat(43)))
        .post("/lookup")
        .then()
        .statusCode(404)
        .header("Cache-Control", containsString("no-store"));
    page("demo")
        .header("Origin", "https://evil.example")
        .contentType(ContentType.URLENC)
        .formParams(Map.of("token", "x".repeat(43)))
        .post("/lookup")
        .then()
        .statusCode(403);
    page("demo").get("/order").then().statusCode(302).header("Location", containsString("/lookup"));
  }

  @Test
  void anUnknownHostGetsAPageNotAStackTrace() {
    String html =
        page("no-such-shop-" + UUID.randomUUID().toString().substring(0, 6))
            .header("Accept-Language", "en")
            .get("/")
            .then()
            .statusCode(404)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(html.contains("No shop here"), html);
    assertFalse(html.contains("Exception") || html.contains("at org."), html);
  }

  @Test
  void missingPagesAreHtmlForBrowsersAndProblemsForClients() {
    page(shop.slug)
        .header("Accept-Language", "en")
        .get("/p/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body(containsString("Page not found"));
    page(shop.slug)
        .header("Accept-Language", "en")
        .get("/no/such/page")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("Page not found"));
    given()
        .baseUri(TestStack.baseUrl())
        .header("Host", host(shop.slug))
        .accept("application/json")
        .get("/no/such/page")
        .then()
        .statusCode(404)
        .contentType(containsString("application/problem+json"))
        .body("status", equalTo(404));
  }

  @Test
  void theBrowsersLanguagePicksTheTextsAndTheSwitcherOverridesIt() {
    page(shop.slug)
        .header("Accept-Language", "en-US,en;q=0.9")
        .get("/")
        .then()
        .body(containsString("All products"));
    page(shop.slug).header("Accept-Language", "zh-CN").get("/").then().body(containsString("全部商品"));
    Response switched = page(shop.slug).header("Accept-Language", "zh-CN").get("/?lang=en");
    switched.then().body(containsString("All products"));
    assertEquals("en", switched.getCookie("kameng_lang"));
    page(shop.slug)
        .header("Accept-Language", "zh-CN")
        .cookie("kameng_lang", "en")
        .get("/")
        .then()
        .body(containsString("All products"));
  }

  @Test
  void aSuspendedShopShowsANoticeAndTakesNoOrders() throws Exception {
    FreshShop closed = FreshShop.selling("closed", "5.00", 1);
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "test"))
        .post("/api/platform/tenants/" + closed.tenantId + "/suspend")
        .then()
        .statusCode(200);
    page(closed.slug)
        .header("Accept-Language", "en")
        .get("/")
        .then()
        .statusCode(403)
        .contentType(containsString("text/html"))
        .body(containsString("This shop is closed"));
    page(closed.slug)
        .header("Origin", "http://" + host(closed.slug))
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "sku",
                closed.skuId,
                "quantity",
                "1",
                "email",
                "b@example.cn",
                "channel",
                MANUAL_CHANNEL))
        .post("/checkout")
        .then()
        .statusCode(403);
    page(closed.slug).get("/lookup").then().statusCode(200);
  }

  /**
   * Pages may use what this instance read about a shop up to 5 s ago (kameng.storefront
   * .cache-seconds): a shop suspended by another instance (here: straight in the database) shows
   * its notice within that time, and takes no order from the moment it is suspended.
   */
  @Test
  void aShopSuspendedElsewhereTakesNoOrderAtOnceAndShowsItWithinFiveSeconds() throws Exception {
    FreshShop other = FreshShop.selling("elsewhere", "5.00", 1);
    page(other.slug).get("/").then().statusCode(200);
    setStatus(other.tenantId, "SUSPENDED");
    // The order is refused although this instance read the shop as open a moment ago.
    page(other.slug)
        .header("Origin", "http://" + host(other.slug))
        .contentType(ContentType.URLENC)
        .formParams(
            Map.of(
                "sku",
                other.skuId,
                "quantity",
                "1",
                "email",
                "b@example.cn",
                "channel",
                MANUAL_CHANNEL))
        .post("/checkout")
        .then()
        .statusCode(403);
    given()
        .baseUri(TestStack.baseUrl())
        .header("Host", host(other.slug))
        .contentType(ContentType.JSON)
        .body(Map.of("skuId", other.skuId, "quantity", 1, "buyerEmail", "b@example.cn"))
        .post("/api/public/orders")
        .then()
        .statusCode(403);

    setStatus(other.tenantId, "ACTIVE");
    page(other.slug).get("/").then().statusCode(200);
    setStatus(other.tenantId, "SUSPENDED");
    long since = System.nanoTime();
    assertTrue(
        awaitStatus(other.slug, 403, 8_000), "the suspended shop still showed its pages after 8 s");
    long millis = (System.nanoTime() - since) / 1_000_000;
    assertTrue(millis <= 6_000, "seen after " + millis + " ms");
  }

  /** A theme setting saved by another instance shows within the same 5 s; no restart needed. */
  @Test
  void aThemeSettingChangedElsewhereShowsWithinFiveSeconds() throws Exception {
    FreshShop other = FreshShop.selling("restyled", "5.00", 1);
    String notice = "Closed on Sunday " + UUID.randomUUID();
    page(other.slug).get("/").then().statusCode(200).body(not(containsString(notice)));
    try (java.sql.Connection c = ownerConnection();
        java.sql.PreparedStatement tenant =
            c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)");
        java.sql.PreparedStatement save =
            c.prepareStatement(
                "INSERT INTO kameng.shop_theme (tenant_id, theme, settings, updated_by)"
                    + " VALUES (?::uuid, 'aurora', jsonb_build_object('announcement', ?::text),"
                    + " 'another instance') ON CONFLICT (tenant_id) DO UPDATE"
                    + " SET settings = EXCLUDED.settings,"
                    + " version = kameng.shop_theme.version + 1")) {
      // Row-level security binds the owner role too: the row is the shop's.
      tenant.setString(1, other.tenantId);
      tenant.execute();
      save.setString(1, other.tenantId);
      save.setString(2, notice);
      save.executeUpdate();
    }
    long since = System.nanoTime();
    boolean seen = false;
    while (!seen && System.nanoTime() - since < 8_000_000_000L) {
      seen = page(other.slug).get("/").asString().contains(notice);
      if (!seen) {
        Thread.sleep(250);
      }
    }
    long millis = (System.nanoTime() - since) / 1_000_000;
    assertTrue(seen, "the new announcement did not show within 8 s");
    assertTrue(millis <= 6_000, "seen after " + millis + " ms");
  }

  /**
   * Catalog pages are kept a few seconds per instance (RecentPages, ADR 0018): a page kept for one
   * shop is never shown at another shop's address, even for the same path.
   */
  @Test
  void aKeptProductPageIsNeverShownForAnotherShop() throws Exception {
    FreshShop a = FreshShop.selling("kept-a", "5.00", 1);
    FreshShop b = FreshShop.selling("kept-b", "6.00", 1);
    String bProduct = productOf(b);
    // Kept now, for b's address.
    page(b.slug).get("/p/" + bProduct).then().statusCode(200);
    page(b.slug).get("/p/" + bProduct).then().statusCode(200);
    // The same path at a's address: a has no such product.
    page(a.slug)
        .get("/p/" + bProduct)
        .then()
        .statusCode(404)
        .body(not(containsString("Shop " + b.slug)));
    String aPage =
        page(a.slug).get("/p/" + productOf(a)).then().statusCode(200).extract().asString();
    assertTrue(aPage.contains("Shop " + a.slug));
    assertFalse(aPage.contains("Shop " + b.slug));
  }

  /** A kept page still gets a nonce of its own in every response, the one its CSP names. */
  @Test
  void eachResponseOfAKeptPageHasItsOwnNonce() throws Exception {
    String path = "/p/" + productOf(shop);
    java.util.Set<String> nonces = new java.util.HashSet<>();
    for (int i = 0; i < 3; i++) {
      Response r = page(shop.slug).get(path);
      Matcher header =
          Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'")
              .matcher(r.header("Content-Security-Policy"));
      assertTrue(header.find(), r.header("Content-Security-Policy"));
      assertTrue(r.asString().contains("nonce=\"" + header.group(1) + "\""), "body and CSP differ");
      assertFalse(r.asString().contains("nonce=\"kn"), "the kept page's mark leaked");
      nonces.add(header.group(1));
    }
    assertEquals(3, nonces.size(), "a nonce was used twice: " + nonces);
  }

  /**
   * A product hidden or repriced by another instance (here: straight in the database) leaves or
   * changes its kept page within the same 5 s as the shop's look and status.
   */
  @Test
  void aProductChangedElsewhereShowsWithinFiveSeconds() throws Exception {
    FreshShop other = FreshShop.selling("changed", "5.00", 1);
    String path = "/p/" + productOf(other);
    page(other.slug).get(path).then().statusCode(200).body(not(containsString("7.77")));
    try (java.sql.Connection c = ownerConnection();
        java.sql.PreparedStatement tenant =
            c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)");
        java.sql.PreparedStatement price =
            c.prepareStatement("UPDATE kameng.sku SET price_minor = 777 WHERE id = ?::uuid")) {
      tenant.setString(1, other.tenantId);
      tenant.execute();
      price.setString(1, other.skuId);
      assertEquals(1, price.executeUpdate());
    }
    assertSeenWithinFiveSeconds(() -> page(other.slug).get(path).asString().contains("7.77"));
    try (java.sql.Connection c = ownerConnection();
        java.sql.PreparedStatement tenant =
            c.prepareStatement("SELECT set_config('app.tenant_id', ?, false)");
        java.sql.PreparedStatement hide =
            c.prepareStatement(
                "UPDATE kameng.product SET visible = false WHERE tenant_id = ?::uuid")) {
      tenant.setString(1, other.tenantId);
      tenant.execute();
      hide.setString(1, other.tenantId);
      assertEquals(1, hide.executeUpdate());
    }
    assertSeenWithinFiveSeconds(() -> page(other.slug).get(path).statusCode() == 404);
  }

  /** The reseller who hides a product through this instance's admin API sees it gone at once. */
  @Test
  void aProductHiddenThroughTheAdminApiLeavesItsKeptPageAtOnce() throws Exception {
    FreshShop other = FreshShop.selling("hidden", "5.00", 1);
    String product = productOf(other);
    page(other.slug).get("/p/" + product).then().statusCode(200);
    page(other.slug).get("/").then().statusCode(200).body(containsString("/p/" + product));
    other
        .owner()
        .body(Map.of("visible", false))
        .put("/api/shops/" + other.slug + "/catalog/products/" + product + "/visibility")
        .then()
        .statusCode(204);
    page(other.slug).get("/p/" + product).then().statusCode(404);
    page(other.slug).get("/").then().statusCode(200).body(not(containsString("/p/" + product)));
  }

  /** The first product a shop's home page links to. */
  private static String productOf(FreshShop shop) {
    Matcher link =
        Pattern.compile("href=\"/p/([0-9a-f-]{36})\"").matcher(page(shop.slug).get("/").asString());
    assertTrue(link.find(), "the home page links to no product");
    return link.group(1);
  }

  private static void assertSeenWithinFiveSeconds(java.util.function.BooleanSupplier seen)
      throws InterruptedException {
    long since = System.nanoTime();
    boolean shown = false;
    while (!shown && System.nanoTime() - since < 8_000_000_000L) {
      shown = seen.getAsBoolean();
      if (!shown) {
        Thread.sleep(250);
      }
    }
    long millis = (System.nanoTime() - since) / 1_000_000;
    assertTrue(shown, "not seen within 8 s");
    assertTrue(millis <= 6_000, "seen after " + millis + " ms");
  }

  private static boolean awaitStatus(String slug, int status, long millis)
      throws InterruptedException {
    long since = System.nanoTime();
    while (System.nanoTime() - since < millis * 1_000_000) {
      if (page(slug).get("/").statusCode() == status) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  private static void setStatus(String tenantId, String status) throws java.sql.SQLException {
    try (java.sql.Connection c = ownerConnection();
        java.sql.PreparedStatement update =
            c.prepareStatement(
                "UPDATE kameng.tenant SET status = ?, status_reason = ? WHERE id = ?::uuid")) {
      update.setString(1, status);
      update.setString(2, "SUSPENDED".equals(status) ? "test" : null);
      update.setString(3, tenantId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static java.sql.Connection ownerConnection() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        System.getenv("KAMENG_DB_URL"), "kameng_owner", System.getenv("KAMENG_DB_PASSWORD"));
  }

  @Test
  void themeAssetsAreServedAndCachedByVersion() {
    String html = page(shop.slug).get("/").asString();
    Matcher css = Pattern.compile("href=\"(/assets/[a-z]+/[0-9a-f]+/theme.css)\"").matcher(html);
    assertTrue(css.find(), "no stylesheet link");
    page(shop.slug)
        .get(css.group(1))
        .then()
        .statusCode(200)
        .contentType(startsWith("text/css"))
        .header("Cache-Control", containsString("immutable"));
    page(shop.slug).get("/assets/aurora/x/../../WEB-INF/web.xml").then().statusCode(404);
  }

  @Test
  void theThemeApiChecksSettingsPerFieldAndPreviewsUnsavedOnes() {
    String base = "/api/shops/" + shop.slug;
    shop.owner()
        .get(base + "/themes")
        .then()
        .statusCode(200)
        .body("name", hasItems("aurora", "league"))
        .body("find { it.name == 'aurora' }.settings.id", hasItem("accent_color"));
    long version = shop.owner().get(base + "/theme").then().extract().jsonPath().getLong("version");
    shop.owner()
        .body(Map.of("theme", "aurora", "settings", Map.of("accent_color", "red", "columns", 12)))
        .put(base + "/theme")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("settings.accent_color", "settings.columns"));
    shop.owner()
        .body(Map.of("theme", "no-such-theme"))
        .put(base + "/theme")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("theme"));
    assertEquals(
        version,
        shop.owner().get(base + "/theme").then().extract().jsonPath().getLong("version"),
        "a refused change was stored");
    String preview =
        shop.owner()
            .accept("text/html")
            .body(Map.of("theme", "aurora", "settings", Map.of("accent_color", "#123abc")))
            .post(base + "/theme/preview")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertTrue(preview.contains("--accent:#123abc"), "the unsaved colour");
    shop.owner().get(base + "/theme").then().body("settings.accent_color", not(equalTo("#123abc")));
  }

  private static long orders(FreshShop shop) {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/orders")
        .then()
        .extract()
        .jsonPath()
        .getList("$")
        .size();
  }
}
