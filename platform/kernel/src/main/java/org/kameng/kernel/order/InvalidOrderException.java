package org.kameng.kernel.order;

/** The order request is wrong in a way the buyer can fix; {@link #field()} names the input. */
public class InvalidOrderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidOrderException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, e.g. {@code quantity} or {@code inputs.game_account}. */
  public String field() {
    return field;
  }
}
