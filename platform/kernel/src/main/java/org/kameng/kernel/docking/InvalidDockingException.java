package org.kameng.kernel.docking;

/** A docking request the shop cannot accept as given; names the field at fault. */
public final class InvalidDockingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidDockingException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The input field at fault, as the API names it. */
  public String field() {
    return field;
  }
}
