package org.kameng.kernel.tenant;

/** The shop's plan does not allow more of something; the message says what and how much. */
public class QuotaExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String message) {
    super(message);
  }
}
