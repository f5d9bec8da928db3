package org.kameng.server.domains;

/**
 * A verification attempt proved nothing: neither the DNS record nor the HTTP file holds the token.
 * The message says what each check found.
 */
public class DomainNotVerifiedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient VerificationOutcome http;
  private final transient VerificationOutcome dns;

  public DomainNotVerifiedException(VerificationOutcome http, VerificationOutcome dns) {
    super("Not verified. HTTP: " + http.message() + " DNS: " + dns.message());
    this.http = http;
    this.dns = dns;
  }

  /** What the HTTP check found. */
  public VerificationOutcome http() {
    return http;
  }

  /** What the DNS check found. */
  public VerificationOutcome dns() {
    return dns;
  }
}
