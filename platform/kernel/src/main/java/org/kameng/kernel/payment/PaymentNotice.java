package org.kameng.kernel.payment;

import java.util.Objects;
import org.kameng.plugin.api.Money;

/**
 * A payment notify as a channel parsed it, after the channel verified its signature.
 *
 * @param paymentReference the payment id the provider says this is for (EPay's {@code
 *     out_trade_no}); must equal the payment named by the notify URL
 * @param providerEventId the provider's unique id of this event (EPay's {@code trade_no})
 * @param outcome what the provider says happened
 * @param amount the amount the provider says was paid
 * @param providerReference the provider's id of the transaction, kept on a succeeded payment so a
 *     refund through the provider can name it; null when the channel gave none
 */
public record PaymentNotice(
    String paymentReference,
    String providerEventId,
    Outcome outcome,
    Money amount,
    String providerReference) {

  /** A notice without the provider's transaction id. */
  public PaymentNotice(
      String paymentReference, String providerEventId, Outcome outcome, Money amount) {
    this(paymentReference, providerEventId, outcome, amount, null);
  }

  /** The provider's verdict, normalised. */
  public enum Outcome {
    SUCCEEDED,
    FAILED,
    PENDING
  }

  public PaymentNotice {
    Objects.requireNonNull(paymentReference, "paymentReference");
    Objects.requireNonNull(providerEventId, "providerEventId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(amount, "amount");
  }
}
