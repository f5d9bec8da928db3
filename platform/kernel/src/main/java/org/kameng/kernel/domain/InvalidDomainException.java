package org.kameng.kernel.domain;

/** A domain a shop asked for is not one it may add; {@link #field()} names the input. */
public class InvalidDomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidDomainException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
