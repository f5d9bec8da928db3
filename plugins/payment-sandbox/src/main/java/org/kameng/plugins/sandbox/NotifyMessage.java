package org.kameng.plugins.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.PaymentOutcome;

/**
 * The signed fields of a sandbox notify. The signature is HMAC-SHA256 over {@link #canonical()},
 * which names the fields in a fixed order with their raw values; the form body sends the same
 * fields percent-encoded, plus {@code signature}.
 *
 * @param reference the payment reference
 * @param event the provider event id
 * @param decision paid or failed
 * @param amount the amount in minor units with its currency
 * @param timestamp when the notify was signed, epoch seconds
 */
record NotifyMessage(
    String reference, String event, Decision decision, Money amount, long timestamp) {

  /** The signed fields in canonical order; {@code signature} follows them in the body. */
  static final List<String> SIGNED_FIELDS =
      List.of("reference", "event", "status", "amount", "currency", "timestamp");

  /** The field that carries the signature. */
  static final String SIGNATURE = "signature";

  /** Refuses missing parts. */
  NotifyMessage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(amount, "amount");
  }

  /** The notify of a decided payment, signed at {@code timestamp}. */
  static NotifyMessage of(StartedPayment payment, Decided decided, long timestamp) {
    return new NotifyMessage(
        payment.reference(), decided.eventId(), decided.decision(), payment.amount(), timestamp);
  }

  /** The signed fields by name, in canonical order, as sent. */
  Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", reference);
    fields.put("event", event);
    fields.put("status", decision.wireStatus());
    fields.put("amount", Long.toString(amount.minorUnits()));
    fields.put("currency", amount.currency());
    fields.put("timestamp", Long.toString(timestamp));
    return fields;
  }

  /**
   * The signed text: {@code reference=<r>&event=<e>&status=<s>&amount=<a>&currency=<c>&timestamp=
   * <t>} with the raw values, exactly as the fields were received.
   */
  static String canonical(Map<String, String> fields) {
    StringBuilder text = new StringBuilder();
    for (String name : SIGNED_FIELDS) {
      if (text.length() > 0) {
        text.append('&');
      }
      text.append(name).append('=').append(fields.get(name));
    }
    return text.toString();
  }

  /** The form body: the signed fields, then {@code signature}. */
  String body(SigningSecret secret) {
    Map<String, String> fields = fields();
    fields.put(SIGNATURE, secret.sign(canonical(fields)));
    return FormEncoding.encode(fields);
  }

  /**
   * What the kernel is told of this notify, by the notify itself or by a query: the event id
   * doubles as the provider's transaction id, since the sandbox has no other.
   */
  PaymentOutcome outcome() {
    return new PaymentOutcome(reference, event, decision.status(), amount, event);
  }
}
