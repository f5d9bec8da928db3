package org.kameng.plugin.api.notifier;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A notification the host asks a {@link Notifier} to deliver. Immutable. Messages never carry card
 * keys or secrets; an order-delivered message links to the order page, where the buyer sees the
 * keys.
 *
 * @param messageId unique per message and stable across redeliveries; send it along (an email's
 *     {@code Message-ID}, a webhook header) so receivers can deduplicate
 * @param kind what it is about
 * @param recipient who it is for
 * @param locale the language to render it in
 * @param variables the template variables the kind documents, by name
 * @param createdAt when the host created it
 */
public record Message(
    String messageId,
    MessageKind kind,
    Recipient recipient,
    Locale locale,
    Map<String, String> variables,
    Instant createdAt) {

  /** Refuses missing parts and copies the variables. */
  public Message {
    if (messageId == null || messageId.isBlank() || messageId.length() > 128) {
      throw new IllegalArgumentException("messageId must be 1 to 128 characters");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(locale, "locale");
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A template variable.
   *
   * @throws IllegalArgumentException if the message has no such variable
   */
  public String variable(String name) {
    String value = variables.get(name);
    if (value == null) {
      throw new IllegalArgumentException(kind + " message has no variable '" + name + "'");
    }
    return value;
  }
}
