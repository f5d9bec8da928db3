package org.kameng.plugin.api.mail;

/**
 * How the host protects the SMTP connection. The host always verifies the server's certificate
 * against the configured host name; a plugin cannot turn that off.
 *
 * @since 0.2.0
 */
public enum MailSecurity {
  /**
   * Plain connection upgraded with {@code STARTTLS} before anything else is sent, usually on port
   * 587. A server that does not offer {@code STARTTLS} fails the send: the host never falls back to
   * plain text.
   */
  STARTTLS,
  /** TLS from the first byte ("SMTPS", "implicit TLS"), usually on port 465. */
  TLS,
  /**
   * No encryption, for a relay inside the operator's own network. The host refuses to send
   * credentials over such a connection.
   */
  NONE
}
