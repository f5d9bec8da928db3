package org.kameng.plugin.api.mail;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plain-text e-mail a plugin asks the host to submit. Immutable. The host builds the MIME message
 * from it: {@code Date}, {@code Message-ID}, {@code MIME-Version}, UTF-8 text in base64, an RFC
 * 2047 encoded subject and sender name, and {@code Auto-Submitted: auto-generated} (RFC 3834),
 * which tells autoresponders not to answer.
 *
 * <p>Every text that becomes a header is checked for line breaks here, so a value from a buyer or a
 * tenant cannot add a header or a recipient.
 *
 * @param messageId 1 to 128 characters of {@code [A-Za-z0-9._-]}, stable across retries of the same
 *     message; the host sends it as {@code Message-ID: <messageId@sender's domain>} so mail clients
 *     can deduplicate
 * @param from the sender's address (ASCII {@code local@domain}); the SMTP server must let the login
 *     send as it
 * @param fromName the sender's display name, for example the shop's name, or empty
 * @param to 1 to 50 recipient addresses (ASCII {@code local@domain})
 * @param subject one line, 1 to 200 characters, any language
 * @param text the body, up to 100,000 characters; lines end in {@code \n} or {@code \r\n}
 * @since 0.2.0
 */
public record MailMessage(
    String messageId,
    String from,
    Optional<String> fromName,
    List<String> to,
    String subject,
    String text) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  // ASCII only: the host does not ask servers for SMTPUTF8. No spaces, quotes, brackets or commas,
  // which would need quoting in a header and could smuggle a second address.
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  /** Checks every part and copies the recipients. */
  public MailMessage {
    if (messageId == null || !ID.matcher(messageId).matches()) {
      throw new IllegalArgumentException("messageId must be 1 to 128 of [A-Za-z0-9._-]");
    }
    requireAddress(from, "from");
    Objects.requireNonNull(fromName, "fromName");
    fromName.ifPresent(name -> requireLine(name, "fromName", 100));
    to = List.copyOf(Objects.requireNonNull(to, "to"));
    if (to.isEmpty() || to.size() > 50) {
      throw new IllegalArgumentException("to must list 1 to 50 addresses");
    }
    to.forEach(address -> requireAddress(address, "to"));
    requireLine(subject, "subject", 200);
    Objects.requireNonNull(text, "text");
    if (text.length() > 100_000) {
      throw new IllegalArgumentException("text must be at most 100,000 characters");
    }
  }

  /** Whether a text is an address this type accepts, for validating configurations. */
  public static boolean isAddress(String text) {
    return text != null && text.length() <= 254 && ADDRESS.matcher(text).matches();
  }

  private static void requireAddress(String address, String name) {
    if (!isAddress(address)) {
      // the value is not echoed: it may be a buyer's address
      throw new IllegalArgumentException(name + " must be an ASCII address local@domain");
    }
  }

  private static void requireLine(String value, String name, int max) {
    if (value == null
        || value.isBlank()
        || value.length() > max
        || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters on one line");
    }
  }

  /** Hides the recipients: logs must not collect buyers' addresses. */
  @Override
  public String toString() {
    return "MailMessage[" + messageId + ", " + to.size() + " recipient(s)]";
  }
}
