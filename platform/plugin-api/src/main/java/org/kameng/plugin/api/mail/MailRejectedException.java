package org.kameng.plugin.api.mail;

/**
 * Thrown by {@link OutboundMail#send} when the SMTP server refused the message for good: a 5xx
 * reply (unknown recipient, sender not allowed, authentication failed), or a server that cannot
 * give the protection the configuration asks for ({@code STARTTLS} not offered). Sending the same
 * message again will fail the same way, so a notifier reports it as failed rather than retrying.
 *
 * @since 0.2.0
 */
public class MailRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int replyCode;

  /**
   * Creates the exception.
   *
   * @param replyCode the server's SMTP reply code (500 to 599), or 0 when the host refused to go on
   *     (no {@code STARTTLS})
   * @param message what was refused, with the server's reply text; never an address or a secret
   */
  public MailRejectedException(int replyCode, String message) {
    super(message);
    this.replyCode = replyCode;
  }

  /** The server's SMTP reply code, or 0 when the host itself refused to go on. */
  public int replyCode() {
    return replyCode;
  }
}
