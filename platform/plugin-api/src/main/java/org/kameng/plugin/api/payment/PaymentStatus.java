package org.kameng.plugin.api.payment;

/** A provider's verdict on a payment, normalised. */
public enum PaymentStatus {
  /** The provider says the money was paid (EPay: {@code trade_status=TRADE_SUCCESS} only). */
  SUCCEEDED,
  /** The provider says the payment failed or was closed; it will not succeed. */
  FAILED,
  /** Anything else: created, waiting for the buyer, in progress, or a status not understood. */
  PENDING
}
