package org.kameng.server.it;

import java.io.IOException;
import java.net.CookieHandler;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
            .cookieHandler(new LoopbackCookieJar())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String verifier = randomUrlSafe(48);
    String oidc = keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect";

    Map<String, String> authorize = new LinkedHashMap<>();
    authorize.put("client_id", ADMIN_APP);
    authorize.put("response_type", "code");
    // All the user's shops in the organization claim; plain "organization" would name one only.
    authorize.put("scope", "openid organization:*");
    authorize.put("redirect_uri", redirectUri);
    authorize.put("state", randomUrlSafe(16));
    authorize.put("code_challenge", challenge(verifier));
    authorize.put("code_challenge_method", "S256");
    HttpResponse<String> loginPage =
        browser.send(
            HttpRequest.newBuilder(URI.create(oidc + "/auth?" + form(authorize))).build(),
            HttpResponse.BodyHandlers.ofString());
    // With Organizations enabled Keycloak asks for the username first, then the password:
    // answer whichever form it shows until it redirects back with the code.
    HttpResponse<String> page = loginPage;
    for (int step = 0; step < 3 && page.statusCode() == 200; step++) {
      Matcher action = FORM_ACTION.matcher(page.body());
      if (!action.find()) {
        throw new IllegalStateException("no login form: " + page.body());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("username", username);
      if (page.body().contains("name=\"password\"")) {
        fields.put("password", password);
        fields.put("credentialId", "");
      }
      page =
          browser.send(
              HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    String location = page.headers().firstValue("Location").orElse("");
    Matcher code = CODE.matcher(location);
    if (page.statusCode() != 302 || !code.find()) {
      throw new IllegalStateException(
          "login of " + username + " failed (HTTP " + page.statusCode() + ")");
    }

    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("client_id", ADMIN_APP);
    exchange.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
    exchange.put("redirect_uri", redirectUri);
    exchange.put("code_verifier", verifier);
    return token(browser, oidc + "/token", exchange);
  }

  /** A client-credentials token for a confidential client of the kameng realm. */
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

  /** A token of Keycloak's own bootstrap administrator (master realm), for test set-up only. */
  String bootstrapAdminToken(String password) throws IOException, InterruptedException {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "password");
    grant.put("client_id", "admin-cli");
    grant.put("username", "bootstrap-admin");
    grant.put("password", password);
    return token(
        HttpClient.newHttpClient(),
        keycloakUrl + "/realms/master/protocol/openid-connect/token",
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

  /**
   * Keeps Keycloak's login cookies the way a browser does on a loopback address. Keycloak marks
   * them {@code Secure}, which browsers honour on http://127.0.0.1 (a secure context) but the JDK's
   * CookieManager does not, so it would never send them back.
   */
  private static final class LoopbackCookieJar extends CookieHandler {
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
      if (cookies.isEmpty()) {
        return Map.of();
      }
      String header =
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
      return Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
      responseHeaders.forEach(
          (name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
              values.forEach(this::store);
            }
          });
    }

    private void store(String setCookie) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return;
      }
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
