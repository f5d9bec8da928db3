package org.kameng.server.signup;

/** Keycloak's admin API could not do what sign-up needed; nothing is left half-created. */
public class KeycloakUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeycloakUnavailableException(String message) {
    super(message);
  }
}
