package org.kameng.server.adminapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the admin app needs to know at run time: where to log in. The Keycloak address differs per
 * run (tests start one on a random port), so it cannot be built into the app's files.
 */
@ApplicationScoped
public class AdminAppConfig {

  @Inject
  @ConfigProperty(name = "kameng.keycloak.url")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "kameng.keycloak.realm")
  String realm;

  @Inject
  @ConfigProperty(name = "kameng.admin.client-id", defaultValue = "kameng-admin")
  String clientId;

  /** The document the app reads from {@code /admin/config.json}. */
  public record Document(String keycloakUrl, String realm, String clientId, String apiBase) {}

  Document document() {
    return new Document(keycloakUrl, realm, clientId, "/api");
  }

  /**
   * Only the app's own files run; the browser talks to this server and to Keycloak (the token
   * endpoint, and the login page it navigates to). Styles may be inline: the component styles set
   * style attributes, which carry no script.
   */
  String contentSecurityPolicy() {
    String keycloak = origin(keycloakUrl);
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        + " img-src 'self' data:; font-src 'self' data:; connect-src 'self' "
        + keycloak
        + "; form-action 'self' "
        + keycloak
        + "; frame-src "
        + keycloak
        + "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
  }

  static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
