package org.kameng.host.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import org.kameng.plugin.api.mail.MailMessage;

/**
 * The RFC 5322 message for a {@link MailMessage}, ready for SMTP {@code DATA}: CRLF line ends,
 * dot-stuffed, without the terminating dot. UTF-8 text travels in base64, so no line of the body
 * can be longer than 76 characters or begin with a dot, whatever the plugin wrote.
 */
final class MimeText {

  // RFC 2047: an encoded word is at most 75 characters; 45 bytes become 60 base64 characters.
  private static final int WORD_BYTES = 45;

  private MimeText() {}

  /** The message as SMTP {@code DATA} sends it. */
  static byte[] of(MailMessage message, Instant now) {
    String domain = message.from().substring(message.from().indexOf('@') + 1);
    StringBuilder head = new StringBuilder();
    header(head, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)));
    header(
        head,
        "From",
        message
            .fromName()
            .map(name -> encoded(name) + " <" + message.from() + ">")
            .orElse(message.from()));
    header(head, "To", String.join(",\r\n ", message.to()));
    header(
        head,
        "Subject",
        isPlainAscii(message.subject()) ? message.subject() : encoded(message.subject()));
    header(head, "Message-ID", "<" + message.messageId() + "@" + domain + ">");
    header(head, "MIME-Version", "1.0");
    header(head, "Content-Type", "text/plain; charset=UTF-8");
    header(head, "Content-Transfer-Encoding", "base64");
    // RFC 3834: autoresponders and vacation replies must not answer a notification.
    header(head, "Auto-Submitted", "auto-generated");
    head.append("\r\n");
    String text = message.text().replace("\r\n", "\n").replace("\n", "\r\n");
    String body =
        Base64.getMimeEncoder(76, new byte[] {'\r', '\n'})
            .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] all = (head + body + (body.isEmpty() ? "" : "\r\n")).getBytes(StandardCharsets.US_ASCII);
    out.write(all, 0, all.length);
    return dotStuffed(out.toByteArray());
  }

  private static void header(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static boolean isPlainAscii(String text) {
    return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !text.contains("=?");
  }

  /** RFC 2047 B-encoded words, split on character boundaries and folded onto lines of their own. */
  static String encoded(String text) {
    StringBuilder words = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int bytes = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + size > WORD_BYTES) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      if (words.length() > 0) {
        words.append("\r\n ");
      }
      words
          .append("=?UTF-8?B?")
          .append(
              Base64.getEncoder()
                  .encodeToString(text.substring(start, end).getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      start = end;
    }
    return words.toString();
  }

  // RFC 5321 4.5.2: a line that begins with a dot gets one more.
  private static byte[] dotStuffed(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
    boolean lineStart = true;
    for (byte b : data) {
      if (lineStart && b == '.') {
        out.write('.');
      }
      out.write(b);
      lineStart = b == '\n';
    }
    return out.toByteArray();
  }
}
