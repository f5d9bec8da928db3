package org.kameng.server.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  public Optional<String> createUser(
      String email, String firstName, String lastName, String password) {
    String body =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("enabled", true)
            .add("emailVerified", false)
            // Keycloak refuses to log in a user without names ("account not fully set up").
            .add("firstName", firstName)
            .add("lastName", lastName)
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

  /** A member of a shop's organisation. */
  public record OrgUser(String id, String email, String name) {}

  private final Map<String, String> organizationIds = new ConcurrentHashMap<>();

  /** The Keycloak id of the organisation whose alias is the shop's slug. */
  public Optional<String> organizationId(String slug) {
    String known = organizationIds.get(slug);
    if (known != null) {
      return Optional.of(known);
    }
    // Search narrows by name; the alias decides. Sign-up names organisations "<shop> (<slug>)".
    for (int first = 0; first < 10_000; first += 100) {
      JsonArray page =
          array(
              expect(
                  send(
                      "GET",
                      "/organizations?briefRepresentation=true&first="
                          + first
                          + "&max=100&search="
                          + URLEncoder.encode(slug, StandardCharsets.UTF_8),
                      ""),
                  200,
                  "find the shop"));
      for (JsonValue value : page) {
        JsonObject org = value.asJsonObject();
        if (slug.equals(org.getString("alias", null))) {
          organizationIds.put(slug, org.getString("id"));
          return Optional.of(org.getString("id"));
        }
      }
      if (page.size() < 100) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The organisation's members. */
  public List<OrgUser> members(String organizationId) {
    List<OrgUser> users = new ArrayList<>();
    for (int first = 0; ; first += 100) {
      JsonArray page =
          array(
              expect(
                  send(
                      "GET",
                      "/organizations/" + organizationId + "/members?first=" + first + "&max=100",
                      ""),
                  200,
                  "list the members"));
      for (JsonValue value : page) {
        JsonObject user = value.asJsonObject();
        String name =
            (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
        users.add(new OrgUser(user.getString("id"), user.getString("email", ""), name));
      }
      if (page.size() < 100) {
        return users;
      }
    }
  }

  /** The ids of the members in the organisation's group of this name ({@code owners}, …). */
  public Set<String> groupMembers(String organizationId, String groupName) {
    Set<String> ids = new HashSet<>();
    String group = groupId(organizationId, groupName);
    JsonArray members =
        array(
            expect(
                send(
                    "GET",
                    "/organizations/" + organizationId + "/groups/" + group + "/members?max=1000",
                    ""),
                200,
                "list the " + groupName));
    for (JsonValue value : members) {
      ids.add(value.asJsonObject().getString("id"));
    }
    return ids;
  }

  /** The account registered with this email, if any. */
  public Optional<String> userIdByEmail(String email) {
    JsonArray users =
        array(
            expect(
                send(
                    "GET",
                    "/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                    ""),
                200,
                "look the account up"));
    for (JsonValue value : users) {
      JsonObject user = value.asJsonObject();
      if (email.equalsIgnoreCase(user.getString("email", ""))) {
        return Optional.of(user.getString("id"));
      }
    }
    return Optional.empty();
  }

  /**
   * Makes the user a member with this role: in the owners group or the staff group, not both.
   * Adding someone already a member only changes the group.
   */
  public void setMember(String organizationId, String userId, boolean owner) {
    String org = "/organizations/" + organizationId;
    HttpResponse<String> added = send("POST", org + "/members", "\"" + userId + "\"");
    if (added.statusCode() != 201 && added.statusCode() != 409) {
      expect(added, 201, "add the member");
    }
    String join = groupId(organizationId, owner ? "owners" : "staff");
    String leave = groupId(organizationId, owner ? "staff" : "owners");
    expect(send("PUT", org + "/groups/" + join + "/members/" + userId, ""), 204, "set the role");
    HttpResponse<String> left = send("DELETE", org + "/groups/" + leave + "/members/" + userId, "");
    if (left.statusCode() != 204 && left.statusCode() != 404) {
      expect(left, 204, "set the role");
    }
  }

  /** Removes the user from the organisation (and so from its groups). */
  public boolean removeMember(String organizationId, String userId) {
    HttpResponse<String> removed =
        send("DELETE", "/organizations/" + organizationId + "/members/" + userId, "");
    if (removed.statusCode() == 404) {
      return false;
    }
    expect(removed, 204, "remove the member");
    return true;
  }

  private String groupId(String organizationId, String groupName) {
    JsonArray groups =
        array(
            expect(
                send("GET", "/organizations/" + organizationId + "/groups", ""),
                200,
                "list the shop's groups"));
    for (JsonValue value : groups) {
      JsonObject group = value.asJsonObject();
      if (groupName.equals(group.getString("name", null))) {
        return group.getString("id");
      }
    }
    throw new KeycloakUnavailableException("the shop has no " + groupName + " group");
  }

  private static JsonArray array(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
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
