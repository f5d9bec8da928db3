/**
 * The guarded SMTP transport, {@link org.kameng.host.mail.GuardedOutboundMail}: the host's
 * implementation of the plugin API's {@link org.kameng.plugin.api.mail.OutboundMail} (ADR 0016).
 *
 * <p>The server is vetted by the HTTP client's {@link org.kameng.host.http.DestinationPolicy} (mail
 * ports instead of web ones) and the socket connects to the address the policy checked; TLS then
 * verifies the certificate against the configured name, so unlike https there is no second lookup.
 * {@code SmtpSession} speaks the protocol, {@code MimeText} builds the message.
 */
package org.kameng.host.mail;
