package org.kameng.kernel.upstream;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * An upstream in memory that keeps its orders by our order-line id, as a real one does. It counts
 * every placement asked of it, and can be told to lose its answer after buying (a timeout) or to
 * answer with a given result.
 */
final class FakeUpstream implements UpstreamSupplier {

  final Map<String, UpstreamResult> orders = new ConcurrentHashMap<>();
  final AtomicInteger placeCalls = new AtomicInteger();
  final AtomicInteger queries = new AtomicInteger();
  final List<UpstreamOrder> placed = new ArrayList<>();
  volatile boolean loseAnswerOnce;
  volatile UpstreamResult answer;

  @Override
  public synchronized UpstreamResult place(TenantId tenant, UUID configId, UpstreamOrder order)
      throws IOException {
    placeCalls.incrementAndGet();
    placed.add(order);
    UpstreamResult result =
        orders.computeIfAbsent(
            order.orderLineId(),
            k ->
                answer != null
                    ? answer
                    : new UpstreamResult.Delivered(
                        "up-" + k,
                        java.util.stream.IntStream.range(0, order.quantity())
                            .mapToObj(i -> "UPKEY-" + k + "-" + i)
                            .toList()));
    if (loseAnswerOnce) {
      loseAnswerOnce = false;
      throw new IOException("read timed out");
    }
    return result;
  }

  @Override
  public Optional<UpstreamResult> query(
      TenantId tenant, UUID configId, String orderLineId, Optional<String> upstreamOrderId) {
    queries.incrementAndGet();
    return Optional.ofNullable(orders.get(orderLineId));
  }

  @Override
  public URI callbackUrl(TenantId tenant, UUID configId, String orderLineId) {
    return URI.create("https://shop.invalid/api/public/upstream/" + orderLineId);
  }
}
