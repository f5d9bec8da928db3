package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/** The server loads the built plugin archives through the real plugin host at start. */
class PluginsIT {

  @Test
  void theEpayPluginIsInstalledAndOnlyTheTestPluginForAnotherApiWasRefused() throws Exception {
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .get("/api/platform/plugins")
        .then()
        .statusCode(200)
        .body("installed.factoryId", hasItem("payment-epay"))
        // plugins/testing builds one plugin for API 99 on purpose (BrokenPluginIT).
        .body("refused.pluginId", contains("payment-future"));
  }

  @Test
  void onlyPlatformAdminsSeeThePlugins() throws Exception {
    String reseller = TestStack.keycloak().accessToken("reseller", TestStack.resellerPassword());
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(reseller)
        .get("/api/platform/plugins")
        .then()
        .statusCode(403);
  }
}
