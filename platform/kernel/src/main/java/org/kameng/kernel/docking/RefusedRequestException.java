package org.kameng.kernel.docking;

/**
 * A signed reseller request the shop refuses before doing anything: the reason says which check
 * failed, for the shop's logs and the caller's problem document.
 */
public final class RefusedRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which check refused the request. */
  public enum Reason {
    /**
     * Unknown key, bad signature, stale timestamp or malformed headers: who is calling is unknown.
     */
    UNAUTHENTICATED,
    /** The key was revoked. */
    REVOKED,
    /** The key is fine, but the shop suspended its reseller. */
    SUSPENDED,
    /** This key and nonce were seen already. */
    REPLAYED,
    /** The key's requests per minute are used up. */
    RATE_LIMITED
  }

  private final Reason reason;

  public RefusedRequestException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
