package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The imported realm grants what the platform needs and nothing more. */
class KeycloakRealmIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void serverServiceAccountManagesOrganisations() throws Exception {
    HttpResponse<String> orgs = adminGet("/organizations?search=Demo%20Shop&exact=true");
    assertEquals(200, orgs.statusCode(), orgs.body());
    assertTrue(orgs.body().contains("\"alias\":\"demo\""), orgs.body());
  }

  @Test
  void serverServiceAccountCannotManageClients() throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(adminUri("/clients"))
                .header("Authorization", "Bearer " + serverToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"intruder\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, created.statusCode(), created.body());
  }

  @Test
  void adminAppRefusesThePasswordGrant() throws Exception {
    Map<String, String> grant = new LinkedHashMap<>();
    grant.put("grant_type", "password");
    grant.put("client_id", KeycloakLogin.ADMIN_APP);
    grant.put("username", "reseller");
    grant.put("password", TestStack.resellerPassword());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        TestStack.keycloakUrl() + "/realms/kameng/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakLogin.form(grant)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("unauthorized_client"), response.body());
  }

  private HttpResponse<String> adminGet(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(adminUri(path))
            .header("Authorization", "Bearer " + serverToken())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI adminUri(String path) {
    return URI.create(TestStack.keycloakUrl() + "/admin/realms/kameng" + path);
  }

  private static String serverToken() throws IOException, InterruptedException {
    return TestStack.keycloak().clientToken("kameng-server", TestStack.serverClientSecret());
  }
}
