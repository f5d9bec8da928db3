package org.kameng.plugin.api.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;

/**
 * What the host asks a {@link PaymentChannel} to start. Immutable.
 *
 * @param paymentReference the host's reference of this payment: 1 to 64 characters of {@code
 *     [0-9A-Za-z_-]} (today the host sends the payment's UUID in its 36-character form, with
 *     hyphens; a provider that takes fewer characters needs the channel to map it). Send it to the
 *     provider unchanged as the merchant's order number (EPay's {@code out_trade_no}) and return it
 *     unchanged in {@link PaymentOutcome#paymentReference()}
 * @param orderNumber the order number the buyer sees, for a provider's description field; opaque
 *     text (a reseller's balance top-up sends {@code T} and its number, such as {@code T17})
 * @param amount what to charge, more than zero
 * @param subject the buyer-visible item name (EPay's {@code name}), 1 to 128 characters
 * @param returnUrl where the provider sends the buyer's browser afterwards
 * @param notifyUrl where the provider sends its server-to-server notify; names tenant,
 *     configuration and payment, so send it unchanged
 * @param buyerIp the buyer's IP address, for providers that ask for it
 * @param device where the buyer is paying from
 * @param expiresAt when the host stops holding the order's stock; providers that accept an expiry
 *     should receive it so that a buyer cannot pay a released order
 */
public record PaymentRequest(
    String paymentReference,
    String orderNumber,
    Money amount,
    String subject,
    URI returnUrl,
    URI notifyUrl,
    Optional<String> buyerIp,
    Device device,
    Instant expiresAt) {

  private static final Pattern REFERENCE = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  /** Checks every field. */
  public PaymentRequest {
    if (paymentReference == null || !REFERENCE.matcher(paymentReference).matches()) {
      throw new IllegalArgumentException(
          "paymentReference must be 1 to 64 of [0-9A-Za-z_-]: " + paymentReference);
    }
    if (orderNumber == null || orderNumber.isBlank()) {
      throw new IllegalArgumentException("orderNumber must not be blank");
    }
    Objects.requireNonNull(amount, "amount");
    if (amount.minorUnits() <= 0) {
      throw new IllegalArgumentException("amount must be more than zero: " + amount);
    }
    if (subject == null || subject.isBlank() || subject.length() > 128) {
      throw new IllegalArgumentException("subject must be 1 to 128 characters");
    }
    requireAbsolute(returnUrl, "returnUrl");
    requireAbsolute(notifyUrl, "notifyUrl");
    Objects.requireNonNull(buyerIp, "buyerIp");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  private static void requireAbsolute(URI uri, String name) {
    Objects.requireNonNull(uri, name);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute URL: " + uri);
    }
  }
}
