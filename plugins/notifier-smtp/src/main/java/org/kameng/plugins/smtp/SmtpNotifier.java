package org.kameng.plugins.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.mail.MailMessage;
import org.kameng.plugin.api.mail.MailRejectedException;
import org.kameng.plugin.api.mail.MailServer;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.Recipient;

/**
 * Writes each message with {@link MailTemplates} and submits it through the host's mail transport.
 * Accepted by the server is sent; a busy, unreachable or timed-out server is tried again later by
 * the host; a refusal (5xx, a login the server rejects, no {@code STARTTLS}, a server address the
 * host refuses) fails for good, since sending it again would change nothing.
 */
final class SmtpNotifier implements Notifier {

  /** Within the host's 10 s limit for a notifier call, with room for its bookkeeping. */
  static final Duration TIMEOUT = Duration.ofSeconds(8);

  private final MailServer server;
  private final String from;
  private final List<String> staff;
  private final HostContext host;

  SmtpNotifier(MailServer server, String from, List<String> staff, HostContext host) {
    this.server = server;
    this.from = from;
    this.staff = List.copyOf(staff);
    this.host = host;
  }

  @Override
  public DeliveryResult deliver(Message message) throws IOException {
    Optional<MailTemplates.Written> written;
    try {
      written = MailTemplates.write(message);
    } catch (IllegalArgumentException e) {
      return new DeliveryResult.Failed(e.getMessage());
    }
    if (written.isEmpty()) {
      return new DeliveryResult.Failed("notifier-smtp does not handle " + message.kind());
    }
    List<String> to;
    if (message.recipient() instanceof Recipient.Buyer buyer) {
      if (!MailMessage.isAddress(buyer.email())) {
        return new DeliveryResult.Failed("the buyer's address cannot be mailed");
      }
      to = List.of(buyer.email());
    } else {
      to = staff;
    }
    MailMessage mail =
        new MailMessage(
            mailId(message.messageId()),
            from,
            senderName(message),
            to,
            written.get().subject(),
            written.get().text());
    try {
      host.mail().send(server, mail, TIMEOUT);
      return new DeliveryResult.Sent();
    } catch (DestinationRefusedException e) {
      return new DeliveryResult.Failed("the SMTP server is refused: " + e.getMessage());
    } catch (MailRejectedException e) {
      return new DeliveryResult.Failed(e.getMessage());
    } catch (IOException e) {
      return new DeliveryResult.RetryLater("the SMTP server is unavailable: " + e.getMessage());
    }
  }

  // The host's ids fit a Message-ID as they are; anything else is hashed, stable across retries.
  private static String mailId(String messageId) {
    if (messageId.matches("[A-Za-z0-9._-]{1,128}")) {
      return messageId;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return "kameng-" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Optional<String> senderName(Message message) {
    String name = message.variables().getOrDefault("shopName", "");
    name = name.replaceAll("[\\r\\n\\x00]+", " ").strip();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(name.length() > 100 ? name.substring(0, 100) : name);
  }
}
