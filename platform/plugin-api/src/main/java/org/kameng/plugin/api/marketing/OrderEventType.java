package org.kameng.plugin.api.marketing;

/**
 * What happened to an order. New types may be added in minor versions; a listener ignores types it
 * does not know.
 */
public enum OrderEventType {
  /** The order was placed; stock is reserved, payment is awaited. */
  PLACED,
  /** The payment was recorded. */
  PAID,
  /** Every line was delivered. */
  DELIVERED,
  /** Paid, but stock or the upstream failed; staff must deliver by hand or refund. */
  PAID_UNDELIVERABLE,
  /** Cancelled before payment, by the buyer or staff. */
  CANCELLED,
  /** Unpaid when its reservation ended; stock was released. */
  EXPIRED,
  /** The money was returned to the buyer. */
  REFUNDED
}
