package org.kameng.plugin.api.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Something that happened to an order, delivered to {@link OrderEventListener}s. Immutable. It
 * carries no buyer contact data and no card keys.
 *
 * @param eventId unique per event and stable across redeliveries: the key to deduplicate on
 * @param type what happened
 * @param tenant the shop
 * @param orderId the order's id
 * @param orderNumber the order number the buyer and staff see
 * @param subtotal the order's total before price adjustments
 * @param total what the buyer pays (paid, for {@code PAID} and later), not negative
 * @param adjustments the price adjustments applied to the order, as recorded in its price snapshot,
 *     so a rule's plugin can count or release what it granted
 * @param occurredAt when it happened
 */
public record OrderEvent(
    String eventId,
    OrderEventType type,
    TenantId tenant,
    String orderId,
    String orderNumber,
    Money subtotal,
    Money total,
    List<PriceAdjustment> adjustments,
    Instant occurredAt) {

  /** Checks the parts and that the amounts share a currency. */
  public OrderEvent {
    requireText(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tenant, "tenant");
    requireText(orderId, "orderId");
    requireText(orderNumber, "orderNumber");
    Objects.requireNonNull(subtotal, "subtotal");
    Objects.requireNonNull(total, "total");
    if (!subtotal.currency().equals(total.currency())) {
      throw new IllegalArgumentException("subtotal and total are in different currencies");
    }
    if (total.minorUnits() < 0) {
      throw new IllegalArgumentException("total must not be negative: " + total);
    }
    adjustments = List.copyOf(Objects.requireNonNull(adjustments, "adjustments"));
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
