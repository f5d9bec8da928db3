package org.kameng.kernel.order;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.json.FlatJson;

/**
 * Order events for marketing plugins' {@code OrderEventListener}s. {@link OrderTransitions#move}
 * raises one, as an {@link #JOB} job in the same statement as the transition (no extra round trip
 * on the paying path), when the shop has an enabled marketing configuration; the server's job
 * handler fans it out to each configuration whose plugin listens, one {@link #DELIVER_JOB} job
 * each, so a failing listener retries alone. {@code PLACED} is not raised: placing is not a
 * transition, and a listener learns of an order when it is paid or ends.
 */
public final class OrderEvents {

  /** Job kind of an event to fan out to the shop's listeners. */
  public static final String JOB = "order-event";

  /** Job kind of one event to one listener configuration. */
  public static final String DELIVER_JOB = "order-event.deliver";

  private OrderEvents() {}

  /** The event a transition into {@code to} raises, by its {@code OrderEventType} name. */
  static Optional<String> typeOf(OrderStatus to) {
    return switch (to) {
      case PAID, DELIVERED, PAID_UNDELIVERABLE, CANCELLED, EXPIRED, REFUNDED ->
          Optional.of(to.name());
      default -> Optional.empty();
    };
  }

  /** The fan-out job's payload: the event type, the order and when it happened. */
  static String payload(String type, UUID orderId, Instant at) {
    return new FlatJson()
        .put("type", type)
        .put("orderId", orderId.toString())
        .put("occurredAt", at.toString())
        .toString();
  }
}
