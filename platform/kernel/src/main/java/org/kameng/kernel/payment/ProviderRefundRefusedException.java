package org.kameng.kernel.payment;

/**
 * A refund through the provider cannot be asked for this order: it is not flagged for refund, it
 * was not paid through a channel, or the channel cannot refund. Staff refund by hand and record it.
 * The server answers 409 with this message.
 */
public class ProviderRefundRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message tells staff what to do instead. */
  public ProviderRefundRefusedException(String message) {
    super(message);
  }
}
