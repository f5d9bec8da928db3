package org.kameng.kernel.upstream;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamItem;

/**
 * The kernel's way to a supplier configuration's catalogue, provided by the server (through the
 * shop's connector, under a time limit and a circuit breaker). Apart from {@link UpstreamSupplier}
 * so that the purchase path and its test doubles stay as they are.
 */
@FunctionalInterface
public interface UpstreamCatalogues {

  /**
   * The upstream's catalogue as the configuration's connector lists it now.
   *
   * @throws IOException whenever the catalogue could not be fetched (the upstream unreachable, the
   *     call timed out or the connector failed): never a reason to close anything
   */
  List<UpstreamItem> fetch(TenantId tenant, UUID configId) throws IOException;
}
