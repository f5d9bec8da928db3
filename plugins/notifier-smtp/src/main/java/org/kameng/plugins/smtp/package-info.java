/**
 * The {@code notifier-smtp} plugin: e-mail notifications (order delivered or refunded to the buyer;
 * low stock, payment failed, paid but undeliverable, upstream failed to the shop's staff), written
 * in Chinese or English after the message's locale and submitted to the shop's own SMTP server
 * through the host's {@link org.kameng.plugin.api.mail.OutboundMail}. {@link
 * org.kameng.plugins.smtp.SmtpFactory} reads and checks the configuration, {@link
 * org.kameng.plugins.smtp.MailTemplates} writes the mails, {@code SmtpNotifier} sends them.
 */
package org.kameng.plugins.smtp;
