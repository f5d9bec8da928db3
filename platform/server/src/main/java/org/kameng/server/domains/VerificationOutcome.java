package org.kameng.server.domains;

/**
 * What one verification attempt found.
 *
 * @param reason {@link Reason#VERIFIED} or why not
 * @param message what the reseller should know or do, safe to show them
 */
public record VerificationOutcome(Reason reason, String message) {

  /** Why a check passed or failed; stable names a client may branch on. */
  public enum Reason {
    VERIFIED,
    /** The name has no address (yet). */
    NOT_RESOLVING,
    /** The name resolves to an address the platform never connects to. */
    REFUSED_ADDRESS,
    /** Nothing answered in time, or the connection failed. */
    NOT_REACHABLE,
    /** Something answered, but not with a 200 at the verification path. */
    NOT_SERVED,
    /** The verification path answered with something other than the token. */
    WRONG_TOKEN
  }

  /** Whether the domain is proved to be the shop's. */
  public boolean verified() {
    return reason == Reason.VERIFIED;
  }
}
