package org.kameng.plugin.api.mail;

import java.io.IOException;
import java.time.Duration;

/**
 * The only way a plugin sends e-mail: an SMTP transport the host implements and hands over in the
 * {@code HostContext}. Plugins must not open sockets; the host applies the same protections as to
 * HTTP, and some that only a transport can give.
 *
 * <p><b>Refused destinations.</b> Before connecting, the host vets {@link MailServer#host()} with
 * the egress policy of {@link org.kameng.plugin.api.http.OutboundHttp}: loopback, unspecified,
 * private, link-local, cloud metadata, multicast and broadcast addresses, in every encoding and
 * behind every name, are refused with a {@link
 * org.kameng.plugin.api.http.DestinationRefusedException} unless the operator allow-listed the host
 * name. Ports are limited to 25, 465, 587, 2525 and 1024 and above minus well-known non-mail
 * services. The host connects to the address it checked.
 *
 * <p><b>TLS.</b> {@link MailSecurity} says how; the host verifies the certificate against {@link
 * MailServer#host()} with the platform's trust store, and never downgrades {@code STARTTLS} to
 * plain text. Credentials are sent only over TLS ({@code AUTH PLAIN}, else {@code AUTH LOGIN}).
 *
 * <p><b>Logs.</b> The host logs caller, server host, outcome and duration of each send; never
 * addresses, subjects, bodies or credentials.
 *
 * <p><b>Threads.</b> Thread-safe; {@link #send} blocks the calling thread for at most {@code
 * timeout}, one connection per call.
 *
 * @since 0.2.0
 */
public interface OutboundMail {

  /** The timeout plugins use unless they have a reason to wait more or less. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Submits one message to the server: connect, secure, log in if asked, {@code MAIL FROM}, {@code
   * RCPT TO} each recipient, {@code DATA}, {@code QUIT}. Returns when the server accepted the
   * message (a 250 reply to the data), which is when a notifier may report it sent. At least once:
   * a connection lost after the data was sent but before the reply may mean the server delivers it
   * while the caller retries; the stable {@link MailMessage#messageId()} lets mail clients fold the
   * copies.
   *
   * @param server where to submit
   * @param message what to submit
   * @param timeout how long the whole exchange may take, 1 s to 120 s
   * @throws IOException the server could not be reached, timed out, broke the connection or
   *     answered with a transient 4xx reply; usually worth retrying later
   * @throws MailRejectedException the server refused the message or the login for good (5xx), or
   *     cannot give the configured protection; retrying will not help
   * @throws org.kameng.plugin.api.http.DestinationRefusedException the server's address or port is
   *     not allowed (see above); retrying will not help
   */
  void send(MailServer server, MailMessage message, Duration timeout)
      throws IOException, MailRejectedException;
}
