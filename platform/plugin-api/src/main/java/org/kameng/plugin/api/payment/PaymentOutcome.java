package org.kameng.plugin.api.payment;

import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * What a provider says about a payment, after the channel verified that the provider said it. The
 * channel reports it as the provider stated it; it never corrects or fills in values from the
 * {@link PaymentRequest}, since the kernel compares the two. Immutable.
 *
 * @param paymentReference the merchant order number the provider echoes (EPay's {@code
 *     out_trade_no}); the kernel rejects it unless it equals the payment the URL names
 * @param providerEventId the provider's unique id of this event; the kernel records it once and
 *     treats a repeat as a duplicate. If the provider has no event id, use the provider reference
 *     plus the status ({@code 2024…:SUCCEEDED}), so that a PENDING event does not swallow the later
 *     SUCCEEDED one
 * @param status the provider's verdict
 * @param amount the amount the provider says was paid, in the currency it states (or the channel's
 *     configured currency when the protocol has none); not negative
 * @param providerReference the provider's id of the transaction (EPay's {@code trade_no}), for
 *     support, queries and refunds
 */
public record PaymentOutcome(
    String paymentReference,
    String providerEventId,
    PaymentStatus status,
    Money amount,
    String providerReference) {

  /** Refuses blanks and negative amounts. */
  public PaymentOutcome {
    requireText(paymentReference, "paymentReference");
    requireText(providerEventId, "providerEventId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    if (amount.minorUnits() < 0) {
      throw new IllegalArgumentException("amount must not be negative: " + amount);
    }
    requireText(providerReference, "providerReference");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new IllegalArgumentException(name + " must be 1 to 128 characters");
    }
  }
}
