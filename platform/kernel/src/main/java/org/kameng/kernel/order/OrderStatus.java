package org.kameng.kernel.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an order and the only transitions between them, declared in one place. Every change
 * of state in the database goes through {@link OrderTransitions}, which refuses anything not listed
 * here.
 */
public enum OrderStatus {
  PENDING_PAYMENT,
  PAID,
  DELIVERING,
  DELIVERED,
  PARTIALLY_DELIVERED,
  CANCELLED,
  EXPIRED,
  PAID_UNDELIVERABLE,
  REFUND_PENDING,
  REFUNDED;

  private static final Map<OrderStatus, Set<OrderStatus>> NEXT =
      Map.of(
          PENDING_PAYMENT, EnumSet.of(PAID, CANCELLED, EXPIRED),
          // A payment after expiry or cancellation is never dropped: it re-reserves stock or is
          // flagged as paid but undeliverable.
          EXPIRED, EnumSet.of(PAID, PAID_UNDELIVERABLE),
          CANCELLED, EnumSet.of(PAID, PAID_UNDELIVERABLE),
          PAID, EnumSet.of(DELIVERING, DELIVERED, PARTIALLY_DELIVERED, PAID_UNDELIVERABLE),
          DELIVERING, EnumSet.of(DELIVERED, PARTIALLY_DELIVERED, PAID_UNDELIVERABLE),
          PARTIALLY_DELIVERED, EnumSet.of(DELIVERED, REFUND_PENDING),
          PAID_UNDELIVERABLE, EnumSet.of(PAID, REFUND_PENDING),
          DELIVERED, EnumSet.of(REFUND_PENDING),
          REFUND_PENDING, EnumSet.of(REFUNDED));

  /** Whether an order in this state may move to {@code next}. */
  public boolean canMoveTo(OrderStatus next) {
    return NEXT.getOrDefault(this, Set.of()).contains(next);
  }

  /** Whether the buyer has paid for an order in this state. */
  public boolean isPaid() {
    return this != PENDING_PAYMENT && this != CANCELLED && this != EXPIRED;
  }
}
