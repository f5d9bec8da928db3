package org.kameng.kernel.notification;

/** A resend the order's state or the shop's setup leaves nothing to send for; says which. */
public final class NothingToResendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NothingToResendException(String message) {
    super(message);
  }
}
