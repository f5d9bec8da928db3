package org.kameng.server.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The few calls of Keycloak's admin REST API that sign-up makes, as the {@code kameng-server}
 * service account (client credentials). Plain HTTP: Keycloak's own admin client clashes with
 * Liberty's class loading (runtime notes).
 */
@ApplicationScoped
public class KeycloakAdmin {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject
  @ConfigProperty(name = "kameng.keycloak.url")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "kameng.keycloak.realm")
  String realm;

  @Inject
  @ConfigProperty(name = "kameng.server.client.secret")
  Optional<String> clientSecret;

  /** Creates an enabled user with a password; empty if the email is already registered. */
  public Optional<String> createUser(String email, String shopName, String password) {
    String body =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("enabled", true)
            .add("emailVerified", false)
            // Keycloak refuses to log in a user without names ("account not fully set up").
            .add("firstName", shopName)
            .add("lastName", "Owner")
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build()
            .toString();
    HttpResponse<String> created = send("POST", "/users", body);
    if (created.statusCode() == 409) {
      return Optional.empty();
    }
    return Optional.of(idFromLocation(expect(created, 201, "create the user")));
  }

  /** Creates the shop's organisation (alias = slug) with its owners and staff groups. */
  public String createOrganization(String slug, String shopName) {
    String body =
        Json.createObjectBuilder()
            .add("name", shopName + " (" + slug + ")")
            .add("alias", slug)
            .build()
            .toString();
    return idFromLocation(expect(send("POST", "/organizations", body), 201, "create the shop"));
  }

  /** Makes the user a member of the organisation and of its owners group. */
  public void makeOwner(String organizationId, String userId) {
    String org = "/organizations/" + organizationId;
    expect(send("POST", org + "/members", "\"" + userId + "\""), 201, "add the owner");
    String owners =
        idFromLocation(
            expect(
                send("POST", org + "/groups", "{\"name\":\"owners\"}"),
                201,
                "create the owners group"));
    expect(send("POST", org + "/groups", "{\"name\":\"staff\"}"), 201, "create the staff group");
    expect(
        send("PUT", org + "/groups/" + owners + "/members/" + userId, ""),
        204,
        "make the user an owner");
  }

  /** Deletes what a failed sign-up created; quietly, it is already failing. */
  public void deleteQuietly(String path) {
    try {
      send("DELETE", path, "");
    } catch (RuntimeException ignored) {
      // The original failure is what the caller reports.
    }
  }

  private HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + realm + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + serviceToken())
            .header("Content-Type", "application/json");
    request.method(
        method,
        body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return call(request.build());
  }

  // A token per call: sign-up is rare, and a cached token would need expiry handling.
  private String serviceToken() {
    String secret =
        clientSecret.orElseThrow(
            () -> new KeycloakUnavailableException("sign-up is not configured on this server"));
    String form =
        "grant_type=client_credentials&client_id=kameng-server&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(
                    URI.create(keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    expect(response, 200, "authenticate the server");
    JsonObject token = Json.createReader(new StringReader(response.body())).readObject();
    return token.getString("access_token");
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KeycloakUnavailableException("the identity service is not reachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeycloakUnavailableException("interrupted");
    }
  }

  private static HttpResponse<String> expect(
      HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      throw new KeycloakUnavailableException(
          "the identity service could not " + what + " (HTTP " + response.statusCode() + ")");
    }
    return response;
  }

  // Keycloak names what it created in Location; some endpoints return the representation instead.
  private static String idFromLocation(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    if (!location.isEmpty()) {
      return location.substring(location.lastIndexOf('/') + 1);
    }
    return Json.createReader(new StringReader(response.body())).readObject().getString("id");
  }
}
