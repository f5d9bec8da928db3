/**
 * E-mail as plugins see it: {@link org.kameng.plugin.api.mail.OutboundMail}, the host's guarded
 * SMTP transport, which is a plugin's only way to send mail. The plugin says which server to use
 * ({@link org.kameng.plugin.api.mail.MailServer}, from the tenant's configuration) and what to send
 * ({@link org.kameng.plugin.api.mail.MailMessage}); the host vets the server like any HTTP
 * destination, speaks SMTP, negotiates TLS and builds the MIME message.
 *
 * @since 0.2.0
 */
package org.kameng.plugin.api.mail;
