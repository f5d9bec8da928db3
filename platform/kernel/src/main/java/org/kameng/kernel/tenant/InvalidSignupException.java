package org.kameng.kernel.tenant;

/** A sign-up request is wrong in a way the reseller can fix; {@link #field()} names the input. */
public class InvalidSignupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidSignupException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
