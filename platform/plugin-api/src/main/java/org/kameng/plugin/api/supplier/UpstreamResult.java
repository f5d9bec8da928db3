package org.kameng.plugin.api.supplier;

import java.util.List;
import java.util.Objects;

/**
 * Where an upstream order stands, as {@link SupplierConnector#placeOrder}, {@link
 * SupplierConnector#queryOrder} or a callback report it. The host moves the order line accordingly;
 * only {@link Delivered} completes it.
 */
public sealed interface UpstreamResult {

  /**
   * The upstream fulfilled the order.
   *
   * @param upstreamOrderId the upstream's id of the order
   * @param cardKeys the card keys bought, one per unit for card-key items; empty for top-ups the
   *     upstream performed itself. {@link #toString()} shows only their number
   */
  record Delivered(String upstreamOrderId, List<String> cardKeys) implements UpstreamResult {
    /** Refuses blank keys and copies the list. */
    public Delivered {
      requireText(upstreamOrderId, "upstreamOrderId");
      cardKeys = List.copyOf(Objects.requireNonNull(cardKeys, "cardKeys"));
      if (cardKeys.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("a delivered card key is blank");
      }
    }

    @Override
    public String toString() {
      return "Delivered[upstreamOrderId=" + upstreamOrderId + ", " + cardKeys.size() + " keys]";
    }
  }

  /**
   * The upstream took the order and will fulfil it later (a top-up, an asynchronous purchase); the
   * host waits for a callback or queries.
   *
   * @param upstreamOrderId the upstream's id of the order
   */
  record Accepted(String upstreamOrderId) implements UpstreamResult {
    /** Refuses a blank id. */
    public Accepted {
      requireText(upstreamOrderId, "upstreamOrderId");
    }
  }

  /** The upstream is still working on the order; the host asks again later. */
  record Pending() implements UpstreamResult {}

  /**
   * This attempt failed in a way that may pass (upstream busy, rate-limited, maintenance). The host
   * queries first, then retries with backoff under the same order-line id.
   *
   * @param reason for the log and the shop's staff; no secrets
   */
  record RetryableFailure(String reason) implements UpstreamResult {
    /** Refuses a blank reason. */
    public RetryableFailure {
      requireText(reason, "reason");
    }
  }

  /**
   * The order cannot succeed (item gone, price above the limit, buyer input refused, upstream
   * balance exhausted): the host stops, flags the line and starts the refund path.
   *
   * @param reason for the log and the shop's staff; no secrets
   */
  record FinalFailure(String reason) implements UpstreamResult {
    /** Refuses a blank reason. */
    public FinalFailure {
      requireText(reason, "reason");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
