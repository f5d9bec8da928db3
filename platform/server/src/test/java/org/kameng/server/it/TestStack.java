package org.kameng.server.it;

/** Where the stack under test runs; `./kameng test` passes these to the test JVM. */
final class TestStack {

  private TestStack() {}

  static String baseUrl() {
    return required("kameng.base.url");
  }

  static String keycloakUrl() {
    return required("kameng.keycloak.url");
  }

  static String serverClientSecret() {
    return required("kameng.keycloak.server.secret");
  }

  static String keycloakBootstrapPassword() {
    return required("kameng.keycloak.bootstrap.password");
  }

  static String adminPassword() {
    return required("kameng.admin.password");
  }

  static String resellerPassword() {
    return required("kameng.reseller.password");
  }

  /** The token expiry tolerance the server under test was started with (server.xml: 30s). */
  static long allowedClockSkewSeconds() {
    String skew = System.getenv("KAMENG_JWT_CLOCK_SKEW");
    return skew == null ? 30 : Long.parseLong(skew.replace("s", ""));
  }

  static KeycloakLogin keycloak() {
    return new KeycloakLogin(keycloakUrl(), baseUrl() + "/admin/");
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run the tests with ./kameng test");
    }
    return value;
  }
}
