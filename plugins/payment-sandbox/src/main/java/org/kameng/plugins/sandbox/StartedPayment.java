package org.kameng.plugins.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.PaymentRequest;

/**
 * What the checkout page and the notify need of a started payment, kept in the store under {@code
 * payment:<reference>} because the host may create a fresh channel (on another server instance)
 * between {@code start} and the buyer's click.
 *
 * @param reference the host's payment reference
 * @param orderNumber the order number the buyer sees
 * @param subject the item name; the shop's text, so hostile
 * @param amount what is charged
 * @param notifyUrl where the signed notify goes
 * @param returnUrl where the buyer goes back to the shop
 * @param expiresAt after this the page takes no decision
 */
record StartedPayment(
    String reference,
    String orderNumber,
    String subject,
    Money amount,
    URI notifyUrl,
    URI returnUrl,
    Instant expiresAt) {

  /** A payment reference as {@code PaymentRequest} allows it; also safe in a URL path and a key. */
  static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  /** Refuses missing parts. */
  StartedPayment {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(orderNumber, "orderNumber");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(notifyUrl, "notifyUrl");
    Objects.requireNonNull(returnUrl, "returnUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The payment the host asks for. */
  static StartedPayment of(PaymentRequest request) {
    return new StartedPayment(
        request.paymentReference(),
        request.orderNumber(),
        request.subject(),
        request.amount(),
        request.notifyUrl(),
        request.returnUrl(),
        request.expiresAt());
  }

  /** Whether a text from outside (a URL, a query) can be a payment reference at all. */
  static boolean isReference(String text) {
    return text != null && REFERENCE.matcher(text).matches();
  }

  /** The store key of a payment. */
  static String key(String reference) {
    return "payment:" + reference;
  }

  /** Whether the buyer may no longer decide at {@code now}. */
  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The stored form; the reference is the key's, so it is not repeated. */
  String encode() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("amount", Long.toString(amount.minorUnits()));
    fields.put("currency", amount.currency());
    fields.put("subject", subject);
    fields.put("orderNumber", orderNumber);
    fields.put("notifyUrl", notifyUrl.toString());
    fields.put("returnUrl", returnUrl.toString());
    fields.put("expiresAt", expiresAt.toString());
    return FormEncoding.encode(fields);
  }

  /**
   * The payment stored under {@code reference}'s key.
   *
   * @throws IllegalStateException if the stored text is not what {@link #encode} writes
   */
  static StartedPayment decode(String reference, String stored) {
    try {
      Map<String, String> fields = FormEncoding.decode(stored);
      return new StartedPayment(
          reference,
          fields.get("orderNumber"),
          fields.get("subject"),
          Money.of(Long.parseLong(fields.get("amount")), fields.get("currency")),
          URI.create(fields.get("notifyUrl")),
          URI.create(fields.get("returnUrl")),
          Instant.parse(fields.get("expiresAt")));
    } catch (RuntimeException e) {
      // only this plugin writes these keys: a value it cannot read is a bug or a damaged store
      throw new IllegalStateException("stored sandbox payment " + reference + " is unreadable", e);
    }
  }
}
