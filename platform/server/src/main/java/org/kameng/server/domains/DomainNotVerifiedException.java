package org.kameng.server.domains;

/** A verification attempt did not prove the domain; the outcome says why. */
public class DomainNotVerifiedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient VerificationOutcome outcome;

  public DomainNotVerifiedException(VerificationOutcome outcome) {
    super(outcome.message());
    this.outcome = outcome;
  }

  /** Why the domain is still pending. */
  public VerificationOutcome outcome() {
    return outcome;
  }
}
