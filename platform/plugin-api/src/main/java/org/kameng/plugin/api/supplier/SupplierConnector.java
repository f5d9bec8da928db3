package org.kameng.plugin.api.supplier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;

/**
 * One tenant's connection to an upstream supplier (docking, 对接), created by its {@link
 * SupplierConnectorFactory}. Thread-safe: called from job threads, concurrently.
 *
 * <p><b>Never buy twice.</b> Money leaves the shop with every upstream order, so placement is keyed
 * by our order-line id: the same key must never buy twice. After a network failure the host does
 * not know whether an order reached the upstream; it calls {@link #queryOrder} first and places
 * again only when the upstream positively has no such order.
 *
 * <p><b>Failures.</b> An {@link IOException} means the upstream could not be reached or answered
 * unreadably; the outcome is unknown and the host queries before anything else. Failures the
 * upstream states are results ({@link UpstreamResult.RetryableFailure}, {@link
 * UpstreamResult.FinalFailure}), not exceptions. An unchecked exception is a plugin bug: it fails
 * that call, is logged and counts towards the configuration's circuit breaker. Every call runs
 * under a time limit.
 */
public interface SupplierConnector {

  /**
   * Lists the upstream's catalogue with current prices and stock. Called from a job thread by the
   * price and stock monitor, and when staff map items; read-only and safe to repeat. Declare {@code
   * Capability.UPSTREAM_CATALOGUE} when you implement it.
   *
   * @return the items, empty by default
   * @throws IOException the upstream could not be reached or answered unreadably
   */
  default List<UpstreamItem> fetchCatalogue() throws IOException {
    return List.of();
  }

  /**
   * Places an order upstream, once per order line: called from a job thread after the buyer's
   * payment settled. The same {@link UpstreamOrder#orderLineId()} must never buy twice, whatever
   * happens: if the upstream supports a merchant order number, send the key as that number; if it
   * does not, record the key in the store with {@code putIfAbsent} before buying and return {@link
   * UpstreamResult.RetryableFailure} when it is already there, so the host queries.
   *
   * @param order what to buy
   * @return the upstream's answer
   * @throws IOException the outcome is unknown; the host queries before trying again
   */
  UpstreamResult placeOrder(UpstreamOrder order) throws IOException;

  /**
   * Asks the upstream where an order stands. Called from a job thread: after a network failure
   * during placement, and to follow {@link UpstreamResult.Accepted} and {@link
   * UpstreamResult.Pending} orders. Read-only and safe to repeat.
   *
   * @param orderLineId the key the order was placed under
   * @param upstreamOrderId the upstream's id, if an earlier answer gave one
   * @return where it stands; empty only if the upstream positively says it has no order for the key
   *     (then the host may place it), never on an error (throw or return {@link
   *     UpstreamResult.RetryableFailure} instead)
   * @throws IOException the upstream could not be reached or answered unreadably
   */
  Optional<UpstreamResult> queryOrder(String orderLineId, Optional<String> upstreamOrderId)
      throws IOException;

  /**
   * Verifies and parses a callback the upstream sent about an order. Pure: no network, no side
   * effects, safe to call again for a re-sent callback. Never throw for bad input; return {@link
   * UpstreamCallback.Rejected}. Called on the request thread of the callback. Declare {@code
   * Capability.UPSTREAM_CALLBACK} when you implement it.
   *
   * @param request the callback exactly as received
   * @return the verified result, or the rejection; by default every callback is rejected
   */
  default UpstreamCallback interpretCallback(InboundRequest request) {
    return new UpstreamCallback.Rejected(
        "this connector takes no callbacks", InboundReply.text(404, "not found"));
  }
}
