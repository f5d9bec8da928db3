package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server trusts exactly the access tokens of its own Keycloak realm: a real user's token,
 * obtained through the admin app's login (authorization code + PKCE), is accepted; a missing,
 * expired, forged or foreign-issuer token gets 401; roles decide the rest.
 */
class TokenIT {

  private static String resellerToken;
  private static String adminToken;

  @BeforeAll
  static void signIn() throws Exception {
    KeycloakLogin keycloak = TestStack.keycloak();
    resellerToken = keycloak.accessToken("reseller", TestStack.resellerPassword());
    adminToken = keycloak.accessToken("admin", TestStack.adminPassword());
  }

  private static RequestSpecification api() {
    return given().baseUri(TestStack.baseUrl());
  }

  @Test
  void resellerTokenFromKeycloakIsAccepted() {
    api()
        .auth()
        .oauth2(resellerToken)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("reseller"))
        .body("roles", not(hasItem("platform-admin")))
        .body("shops", hasItem("demo"));
  }

  @Test
  void requestWithoutTokenIsUnauthorized() {
    api().get("/api/me").then().statusCode(401);
    api().get("/api/platform/tenants").then().statusCode(401);
  }

  @Test
  void garbageTokenIsUnauthorized() {
    api().auth().oauth2("not-a-jwt").get("/api/me").then().statusCode(401);
  }

  @Test
  void tokenOfAForeignIssuerIsUnauthorized() {
    String foreign =
        ForgedTokens.signedByForeignKey("https://evil.example/realms/kameng", "mallory");
    api().auth().oauth2(foreign).get("/api/me").then().statusCode(401);
  }

  @Test
  void tokenClaimingOurIssuerButSignedByAnotherKeyIsUnauthorized() {
    String issuer = TestStack.keycloakUrl() + "/realms/kameng";
    api()
        .auth()
        .oauth2(ForgedTokens.signedByForeignKey(issuer, "mallory"))
        .get("/api/platform/tenants")
        .then()
        .statusCode(401);
    api()
        .auth()
        .oauth2(ForgedTokens.unsigned(issuer, "mallory"))
        .get("/api/platform/tenants")
        .then()
        .statusCode(401);
  }

  @Test
  void tamperedRolesInARealTokenAreUnauthorized() {
    String[] parts = resellerToken.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String elevated = claims.replace("\"groups\":[", "\"groups\":[\"platform-admin\",");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(elevated.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    api().auth().oauth2(tampered).get("/api/platform/tenants").then().statusCode(401);
  }

  @Test
  void platformEndpointsNeedThePlatformAdminRole() {
    api().auth().oauth2(resellerToken).get("/api/platform/tenants").then().statusCode(403);
    api()
        .auth()
        .oauth2(adminToken)
        .queryParam("search", "demo")
        .get("/api/platform/tenants")
        .then()
        .statusCode(200)
        .body("slug", hasItem("demo"));
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    ShortLivedClient client = ShortLivedClient.create();
    String token = TestStack.keycloak().clientToken(client.clientId, client.secret);
    // Valid while fresh: the rejection below is about expiry, not about this kind of token.
    api().auth().oauth2(token).get("/api/me").then().statusCode(200);

    long expiresAt = claim(token, "exp");
    long skew = TestStack.allowedClockSkewSeconds();
    long waitMillis = (expiresAt + skew + 1) * 1000 - System.currentTimeMillis();
    Thread.sleep(Math.max(0, waitMillis));

    api().auth().oauth2(token).get("/api/me").then().statusCode(401);
  }

  private static long claim(String jwt, String name) {
    String claims =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(claims);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " claim in " + claims);
    }
    return Long.parseLong(m.group(1));
  }

  /**
   * A throwaway confidential client whose tokens live a few seconds, created through Keycloak's
   * admin REST API by Keycloak's bootstrap administrator: the server's own service account is
   * deliberately not allowed to manage clients. Like the admin app, it puts the audience and the
   * {@code upn} claim (Liberty's user name) into its tokens.
   */
  private record ShortLivedClient(String clientId, String secret) {

    static ShortLivedClient create() throws IOException, InterruptedException {
      String admin =
          TestStack.keycloak().bootstrapAdminToken(TestStack.keycloakBootstrapPassword());
      String clientId = "it-short-lived-" + UUID.randomUUID();
      String secret = UUID.randomUUID().toString();
      String body =
          """
          {"clientId":"%s","secret":"%s","publicClient":false,"serviceAccountsEnabled":true,
           "standardFlowEnabled":false,"directAccessGrantsEnabled":false,
           "attributes":{"access.token.lifespan":"3"},
           "protocolMappers":[{"name":"audience","protocol":"openid-connect",
             "protocolMapper":"oidc-audience-mapper",
             "config":{"included.client.audience":"kameng-server","access.token.claim":"true"}},
            {"name":"upn","protocol":"openid-connect","protocolMapper":"oidc-usermodel-attribute-mapper",
             "config":{"user.attribute":"username","claim.name":"upn","jsonType.label":"String",
                       "access.token.claim":"true"}}]}
          """
              .formatted(clientId, secret);
      HttpResponse<String> created =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(TestStack.keycloakUrl() + "/admin/realms/kameng/clients"))
                      .header("Authorization", "Bearer " + admin)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), "creating a client: " + created.body());
      return new ShortLivedClient(clientId, secret);
    }
  }
}
