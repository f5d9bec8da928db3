package org.kameng.kernel.upstream;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * The kernel's way to a shop's supplier connector, provided by the server (which builds the
 * connector from the shop's configuration and calls it under a time limit and a circuit breaker).
 * Both calls may run for seconds; neither is called inside a lock the connector's upstream might
 * need.
 */
public interface UpstreamSupplier {

  /**
   * Places an order with the configuration's upstream.
   *
   * @throws IOException whenever the outcome is unknown: the upstream could not be reached, the
   *     call timed out, the plugin failed, or the configuration cannot be used right now
   */
  UpstreamResult place(TenantId tenant, UUID configId, UpstreamOrder order) throws IOException;

  /**
   * Asks the configuration's upstream where an order stands.
   *
   * @return empty only if the upstream positively has no order for the key
   * @throws IOException whenever the answer is unknown
   */
  Optional<UpstreamResult> query(
      TenantId tenant, UUID configId, String orderLineId, Optional<String> upstreamOrderId)
      throws IOException;

  /** Where the upstream may call back about one order line. */
  java.net.URI callbackUrl(TenantId tenant, UUID configId, String orderLineId);
}
