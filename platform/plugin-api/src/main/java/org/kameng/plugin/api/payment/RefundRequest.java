package org.kameng.plugin.api.payment;

import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * A refund the host asks a {@link PaymentChannel} to make. Immutable.
 *
 * @param refundReference the host's id of this refund: the idempotency key. Send it to the provider
 *     as the refund's merchant id where the protocol has one, so that a retry of the same refund
 *     can never pay back twice
 * @param paymentReference the payment's reference as sent in {@link PaymentRequest}
 * @param providerReference the provider's transaction id from the payment's outcome
 * @param amount how much to pay back, more than zero, at most what was paid
 * @param reason the shop's reason, for the provider's record; 1 to 256 characters
 */
public record RefundRequest(
    String refundReference,
    String paymentReference,
    String providerReference,
    Money amount,
    String reason) {

  /** Refuses blanks and amounts that are not positive. */
  public RefundRequest {
    requireText(refundReference, "refundReference", 64);
    requireText(paymentReference, "paymentReference", 64);
    requireText(providerReference, "providerReference", 128);
    Objects.requireNonNull(amount, "amount");
    if (amount.minorUnits() <= 0) {
      throw new IllegalArgumentException("refund amount must be more than zero: " + amount);
    }
    requireText(reason, "reason", 256);
  }

  private static void requireText(String value, String name, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
    }
  }
}
