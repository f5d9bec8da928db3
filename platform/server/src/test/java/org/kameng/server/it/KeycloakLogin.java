package org.kameng.server.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a user in to the real Keycloak the way the admin web app does: authorization code with PKCE
 * through Keycloak's own login form, then the code exchanged for tokens. No shortcut grant, so a
 * token obtained here is exactly what a browser session would hold.
 */
final class KeycloakLogin {

  static final String REALM = "kameng";
  static final String ADMIN_APP = "kameng-admin";

  private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final String keycloakUrl;
  private final String redirectUri;

  KeycloakLogin(String keycloakUrl, String redirectUri) {
    this.keycloakUrl = keycloakUrl;
    this.redirectUri = redirectUri;
  }

  /** Logs {@code username} in and returns the access token issued to the admin app. */
  String accessToken(String username, String password) throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String verifier = randomUrlSafe(48);
    String oidc = keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect";

    Map<String, String> authorize = new LinkedHashMap<>();
    authorize.put("client_id", ADMIN_APP);
    authorize.put("response_type", "code");
    authorize.put("scope", "openid");
    authorize.put("redirect_uri", redirectUri);
    authorize.put("state", randomUrlSafe(16));
    authorize.put("code_challenge", challenge(verifier));
    authorize.put("code_challenge_method", "S256");
    HttpResponse<String> loginPage =
        browser.send(
            HttpRequest.newBuilder(URI.create(oidc + "/auth?" + form(authorize))).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher action = FORM_ACTION.matcher(loginPage.body());
    if (loginPage.statusCode() != 200 || !action.find()) {
      throw new IllegalStateException(
          "no login form (HTTP " + loginPage.statusCode() + "): " + loginPage.body());
    }

    HttpResponse<String> afterLogin =
        browser.send(
            HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", username, "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = afterLogin.headers().firstValue("Location").orElse("");
    Matcher code = CODE.matcher(location);
    if (afterLogin.statusCode() != 302 || !code.find()) {
      throw new IllegalStateException(
          "login of " + username + " failed (HTTP " + afterLogin.statusCode() + ")");
    }

    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("client_id", ADMIN_APP);
    exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
    exchange.put("redirect_uri", redirectUri);
    exchange.put("code_verifier", verifier);
    return token(browser, oidc + "/token", exchange);
  }

  /** A client-credentials token for a confidential client. */
  String clientToken(String clientId, String secret) throws IOException, InterruptedException {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "client_credentials");
    grant.put("client_id", clientId);
    grant.put("client_secret", secret);
    return token(
        HttpClient.newHttpClient(),
        keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect/token",
        grant);
  }

  private static String token(HttpClient client, String url, Map<String, String> params)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException(
          "token request failed (HTTP " + response.statusCode() + "): " + response.body());
    }
    return token.group(1);
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
