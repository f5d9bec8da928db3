package org.kameng.kernel.order;

/**
 * The promotion code a buyer entered cannot be used for this order: unknown, not applicable, used
 * up, or (with {@link #unavailable()}) not checkable right now because a price rule failed. Nothing
 * was written; the buyer may order without the code.
 */
public class InvalidPromotionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final boolean unavailable;

  InvalidPromotionException(String field, String message, boolean unavailable) {
    super(message);
    this.field = field;
    this.unavailable = unavailable;
  }

  /** The request field at fault, {@code couponCode}. */
  public String field() {
    return field;
  }

  /** Whether the code could not be checked (a rule failed), rather than being wrong. */
  public boolean unavailable() {
    return unavailable;
  }
}
