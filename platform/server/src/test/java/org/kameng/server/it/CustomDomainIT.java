package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.domain.ShopDomains;
import org.kameng.server.domains.FakeDns;
import org.kameng.server.domains.HttpTokenCheck;

/**
 * Custom domains through the real sign-up, the real Keycloak and the real server: a domain is added
 * pending and serves nothing; a TXT record with the token verifies it; verification never reaches
 * internal addresses and says why it failed; a verified domain serves its shop, and only that shop;
 * another shop's owner finds none of it.
 */
class CustomDomainIT {

  /** Resolves to 127.0.0.1 for the server under test (src/test/liberty/it-hosts). */
  private static final String LOOPBACK_DOMAIN = "loopback.kameng-it.example.net";

  /** Resolves to 10.20.30.40 for the server under test. */
  private static final String PRIVATE_DOMAIN = "private.kameng-it.example.net";

  private static FreshShop mine;
  private static FreshShop theirs;
  private static FakeDns dns;

  @BeforeAll
  static void twoShopsAndADnsServer() throws Exception {
    // The server under test asks this DNS server for TXT records (pom.xml: kameng.it.dns.port).
    dns = new FakeDns(Integer.parseInt(System.getProperty("kameng.it.dns.port")));
    mine = FreshShop.selling("dom", "9.90", 1);
    theirs = FreshShop.selling("dom", "9.90", 1);
  }

  @AfterAll
  static void stopDns() {
    dns.close();
  }

  @Test
  void aTxtRecordWithTheTokenVerifiesTheDomainThroughTheApi() {
    String domain = fresh("txt");
    String token =
        mine.owner()
            .body(Map.of("domain", domain))
            .post(domains(mine))
            .then()
            .statusCode(201)
            .body("proof.txtName", equalTo("_kameng-verification." + domain))
            .extract()
            .path("verificationToken");
    dns.txt("_kameng-verification." + domain, "not-the-token");
    mine.owner()
        .post(domains(mine) + "/" + domain + "/verify")
        .then()
        .statusCode(422)
        .body("detail", containsString("does not hold this shop's token"));
    at(domain).get("/api/public/shop").then().statusCode(404);

    dns.txt("_kameng-verification." + domain, token);
    mine.owner()
        .post(domains(mine) + "/" + domain + "/verify")
        .then()
        .statusCode(200)
        .body("status", equalTo("VERIFIED"))
        .body("verifiedAt", notNullValue());
    at(domain).get("/api/public/shop").then().statusCode(200).body("slug", equalTo(mine.slug));
  }

  @Test
  void anAddedDomainIsPendingAndServesNothing() {
    String domain = fresh("pending");
    mine.owner()
        .body(Map.of("domain", " " + domain.toUpperCase() + ". "))
        .post(domains(mine))
        .then()
        .statusCode(201)
        .header(
            "Location",
            equalTo(TestStack.baseUrl() + "/api/shops/" + mine.slug + "/domains/" + domain))
        .body("domain", equalTo(domain))
        .body("status", equalTo("PENDING"))
        .body("verificationToken", matchesPattern("[A-Za-z0-9_-]{43}"))
        .body(
            "proof.httpUrl",
            equalTo("http://" + domain + "/.well-known/kameng-domain-verification"));
    mine.owner().get(domains(mine)).then().statusCode(200).body("domain", hasItem(domain));

    at(domain).get("/api/public/shop").then().statusCode(404);
    servedHost(domain).then().statusCode(404);
  }

  @Test
  void verificationNeverReachesALoopbackAddressAndSaysSo() {
    add(mine, LOOPBACK_DOMAIN);
    mine.owner()
        .post(domains(mine) + "/" + LOOPBACK_DOMAIN + "/verify")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", endsWith("REFUSED_ADDRESS"))
        .body("detail", containsString("loopback"))
        .body("detail", containsString("never connects"))
        .body("detail", containsString("DNS has no _kameng-verification." + LOOPBACK_DOMAIN))
        .body("errors.field", hasItem("domain"));
    mine.owner()
        .get(domains(mine))
        .then()
        .body("find { it.domain == '" + LOOPBACK_DOMAIN + "' }.status", equalTo("PENDING"));
  }

  @Test
  void verificationNeverReachesAPrivateAddress() {
    add(mine, PRIVATE_DOMAIN);
    mine.owner()
        .post(domains(mine) + "/" + PRIVATE_DOMAIN + "/verify")
        .then()
        .statusCode(422)
        .body("type", endsWith("REFUSED_ADDRESS"))
        .body("detail", containsString("private network"));
  }

  @Test
  void verifyingADomainWithoutAddressesSaysItDoesNotResolve() {
    String domain = fresh("nowhere");
    add(mine, domain);
    mine.owner()
        .post(domains(mine) + "/" + domain + "/verify")
        .then()
        .statusCode(422)
        .body("type", endsWith("NOT_RESOLVING"))
        .body("detail", containsString("does not resolve"));
  }

  @Test
  void aVerifiedDomainServesItsShopAndNoOtherShopCanHaveIt() throws SQLException {
    String domain = fresh("verified");
    add(mine, domain);
    markVerifiedInTheDatabase(mine, domain);

    at(domain).get("/api/public/shop").then().statusCode(200).body("slug", equalTo(mine.slug));
    at(domain.toUpperCase() + ":443")
        .get("/api/public/shop")
        .then()
        .statusCode(200)
        .body("slug", equalTo(mine.slug));
    servedHost(domain).then().statusCode(200);
    // Verifying again is a no-op: no network check for a domain already verified.
    mine.owner()
        .post(domains(mine) + "/" + domain + "/verify")
        .then()
        .statusCode(200)
        .body("status", equalTo("VERIFIED"));

    theirs
        .owner()
        .body(Map.of("domain", domain))
        .post(domains(theirs))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("domain"));
    theirs.owner().get(domains(theirs)).then().statusCode(200).body("domain", not(hasItem(domain)));

    mine.owner().delete(domains(mine) + "/" + domain).then().statusCode(204);
    at(domain).get("/api/public/shop").then().statusCode(404);
    servedHost(domain).then().statusCode(404);
    mine.owner().delete(domains(mine) + "/" + domain).then().statusCode(404);
  }

  @Test
  void verificationAttemptsAreLimitedPerShop() {
    // Their shop: its budget is its own (per shop and minute), and the other tests never get as
    // far as verifying in it. Sign-ups are rate-limited too, so no third shop for this.
    String domain = fresh("eager");
    add(theirs, domain);
    // Ten a minute; the budget starts afresh each minute, so a run that crosses into the next
    // minute may get up to ten more before the 429.
    int refusedAfter = -1;
    for (int i = 0; i < 21 && refusedAfter < 0; i++) {
      int status = theirs.owner().post(domains(theirs) + "/" + domain + "/verify").statusCode();
      if (status == 429) {
        refusedAfter = i;
      } else {
        assertEquals(422, status);
      }
    }
    assertTrue(refusedAfter >= 10 && refusedAfter <= 20, "429 after " + refusedAfter);
  }

  @Test
  void anotherShopsOwnerGets404OnEveryDomainEndpoint() {
    String domain = fresh("private");
    add(mine, domain);
    String base = domains(mine);
    List<String> leaks = new ArrayList<>();
    for (Response r :
        List.of(
            theirs.owner().get(base),
            theirs.owner().body(Map.of("domain", fresh("planted"))).post(base),
            theirs.owner().post(base + "/" + domain + "/verify"),
            theirs.owner().delete(base + "/" + domain))) {
      if (r.statusCode() != 404) {
        leaks.add(r.statusCode() + " " + r.asString());
      }
    }
    assertEquals(List.of(), leaks);
    mine.owner().get(base).then().body("domain", hasItem(domain));
    // Their own API does not know the domain either.
    theirs.owner().post(domains(theirs) + "/" + domain + "/verify").then().statusCode(404);
    theirs.owner().delete(domains(theirs) + "/" + domain).then().statusCode(404);
  }

  @Test
  void namesThatAreNotPublicDomainsAreRefusedNamingTheField() {
    for (String bad :
        List.of(
            "localhost",
            "127.0.0.1",
            "2130706433",
            "[::1]",
            "shop",
            mine.slug + ".localhost",
            "printer.local",
            "http://shop.example.com/",
            "shop.example.com:8080",
            "a".repeat(250) + ".com",
            "",
            "sh\u0000op.example.com")) {
      mine.owner()
          .body(Map.of("domain", bad))
          .post(domains(mine))
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("domain"));
    }
    mine.owner().body("{}").post(domains(mine)).then().statusCode(400);
    mine.owner().body("[1,2]").post(domains(mine)).then().statusCode(400);
  }

  @Test
  void theTlsQuestionAnswersOnlyForServedHosts() {
    // The shop's own sub-domain is served; odd input is a 4xx, never a 5xx.
    int port = URI.create(TestStack.baseUrl()).getPort();
    servedHost(mine.slug + ".localhost").then().statusCode(200);
    servedHost(mine.slug + ".localhost:" + port).then().statusCode(200);
    for (String odd :
        List.of("", "localhost", "x".repeat(5_000), "%00", "[::1]", "..", "a.b.c.d.example.com")) {
      given()
          .baseUri(TestStack.baseUrl())
          .queryParam("domain", odd)
          .get("/api/public/served-hosts")
          .then()
          .statusCode(404);
    }
    given().baseUri(TestStack.baseUrl()).get("/api/public/served-hosts").then().statusCode(404);
  }

  @Test
  void aVerifiedDomainIsCheckedAgainAndLapsesWhenNothingProvesIt() throws Exception {
    String domain = fresh("recheck");
    String token =
        mine.owner()
            .body(Map.of("domain", domain))
            .post(domains(mine))
            .then()
            .statusCode(201)
            .extract()
            .path("verificationToken");
    // A pending host gets nothing from the platform's own verification path.
    at(domain).get(HttpTokenCheck.PATH).then().statusCode(404);
    dns.txt("_kameng-verification." + domain, token);
    mine.owner().post(domains(mine) + "/" + domain + "/verify").then().statusCode(200);
    // Verified: a domain pointing here proves itself at every check through this answer.
    at(domain)
        .get(HttpTokenCheck.PATH)
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body(equalTo(token));

    checkNow(domain, 0, "VERIFIED");

    dns.txt("_kameng-verification." + domain);
    for (int failed = 1; failed < ShopDomains.LAPSE_AFTER_FAILED_CHECKS; failed++) {
      checkNow(domain, failed, "VERIFIED");
      at(domain).get("/api/public/shop").then().statusCode(200);
    }
    checkNow(domain, ShopDomains.LAPSE_AFTER_FAILED_CHECKS, "PENDING");
    at(domain).get("/api/public/shop").then().statusCode(404);
    servedHost(domain).then().statusCode(404);
    at(domain).get(HttpTokenCheck.PATH).then().statusCode(404);

    // Publishing the token again and asking to verify brings it back, with the same token.
    dns.txt("_kameng-verification." + domain, token);
    mine.owner()
        .post(domains(mine) + "/" + domain + "/verify")
        .then()
        .statusCode(200)
        .body("status", equalTo("VERIFIED"))
        .body("lastCheck.failedChecks", equalTo(0));
  }

  /** Runs the domain's next check now and waits for its result. */
  private static void checkNow(String domain, int failedChecks, String status) throws Exception {
    String before = lastCheck(domain).getString("lastCheck.at");
    runNextCheck(domain);
    awaitCheck(domain, before, failedChecks, status);
  }

  private static io.restassured.path.json.JsonPath lastCheck(String domain) {
    Response listed = mine.owner().get(domains(mine));
    listed.then().statusCode(200);
    return new io.restassured.path.json.JsonPath(listed.asString())
        .setRootPath("find { it.domain == '" + domain + "' }");
  }

  /** Brings the domain's waiting check forward to now, as the owner role (the job table's). */
  private static void runNextCheck(String domain) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                env("KAMENG_DB_URL"), "kameng_owner", env("KAMENG_DB_PASSWORD"));
        PreparedStatement due =
            c.prepareStatement(
                "UPDATE kameng.job SET run_at = now() WHERE kind = ? AND status = 'READY'"
                    + " AND payload->>'host' = ?")) {
      due.setString(1, ShopDomains.RECHECK_JOB);
      due.setString(2, domain);
      assertEquals(1, due.executeUpdate(), "one check waits for " + domain);
    }
  }

  /** Waits (the scheduler polls every quarter second) until the domain shows the check's result. */
  private static void awaitCheck(String domain, String before, int failedChecks, String status)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    String last = "";
    while (System.nanoTime() < deadline) {
      io.restassured.path.json.JsonPath seen = lastCheck(domain);
      int failed = seen.getInt("lastCheck.failedChecks");
      String now = seen.getString("status");
      String checkedAt = seen.getString("lastCheck.at");
      last = now + " after " + failed + " failed checks, last at " + checkedAt;
      if (!java.util.Objects.equals(before, checkedAt)
          && status.equals(now)
          && failed == failedChecks) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "expected " + status + " after " + failedChecks + " failed checks, saw " + last);
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
  }

  private static String domains(FreshShop shop) {
    return "/api/shops/" + shop.slug + "/domains";
  }

  private static void add(FreshShop shop, String domain) {
    shop.owner().body(Map.of("domain", domain)).post(domains(shop)).then().statusCode(201);
  }

  private static RequestSpecification at(String host) {
    return given().baseUri(TestStack.baseUrl()).header("Host", host).contentType(ContentType.JSON);
  }

  private static Response servedHost(String host) {
    return given()
        .baseUri(TestStack.baseUrl())
        .queryParam("domain", host)
        .get("/api/public/served-hosts");
  }

  /**
   * The verified state, written as the platform's owner role would: the API cannot be made to
   * verify a domain here, since no public web server can serve the token to this machine. The owner
   * role is bound by row-level security too, hence the tenant.
   */
  private static void markVerifiedInTheDatabase(FreshShop shop, String domain) throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            env("KAMENG_DB_URL"), "kameng_owner", env("KAMENG_DB_PASSWORD"))) {
      c.setAutoCommit(false);
      try (PreparedStatement tenant =
          c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
        tenant.setString(1, shop.tenantId);
        tenant.execute();
      }
      try (PreparedStatement verify =
          c.prepareStatement(
              "UPDATE kameng.shop_domain SET status = 'VERIFIED', verified_at = now()"
                  + " WHERE host = ? AND status = 'PENDING'")) {
        verify.setString(1, domain);
        assertEquals(1, verify.executeUpdate());
      }
      c.commit();
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests with ./kameng test");
    }
    return value;
  }
}
