package org.kameng.host.mail;

import java.util.List;

/**
 * One SMTP reply: its code and its lines of text (RFC 5321 4.2).
 *
 * @param code the three-digit reply code
 * @param lines the text after the code, one entry per line
 */
record SmtpReply(int code, List<String> lines) {

  /** The text for messages and logs: addresses masked, control characters dropped, bounded. */
  String summary() {
    String text = String.join(" ", lines).replaceAll("[^\\x20-\\x7e]", "");
    // servers echo the refused address ("<buyer@x>: Recipient address rejected")
    text = text.replaceAll("[^\\s<>]+@[^\\s<>]+", "<address>");
    return code
        + (text.isBlank() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
  }

  /**
   * Whether an {@code EHLO} reply announces this extension (first word of a line after the first).
   */
  boolean offers(String extension) {
    return lines.stream()
        .skip(1)
        .anyMatch(line -> line.toUpperCase().split(" ")[0].equals(extension));
  }

  /** The mechanisms of the {@code AUTH} extension, upper case. */
  List<String> authMechanisms() {
    return lines.stream()
        .skip(1)
        .map(String::toUpperCase)
        .filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
        .flatMap(line -> List.of(line.substring(5).split(" ")).stream())
        .toList();
  }
}
