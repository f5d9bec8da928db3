package org.kameng.plugins.docking;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.testkit.SupplierConnectorContract;

/**
 * supplier-kameng against the supplier contract, with an upstream that behaves like another Kameng
 * shop's reseller API (docs/docking/reseller-api.md) where the contract needs it: orders idempotent
 * by request id, queries by request id, 404 for a request id never seen. The real API is exercised
 * end to end by the server's ResellerApiIT.
 */
class KamengSupplierContractTest extends SupplierConnectorContract {

  private static final String SKU = "00000000-0000-4000-8000-0000000e0001";
  private static final String CATALOGUE =
      "{\"stockDisplay\":\"EXACT\",\"items\":[{\"productId\":\"p\",\"productName\":\"Game card\","
          + "\"skuId\":\""
          + SKU
          + "\",\"skuName\":\"100 points\",\"fulfilment\":\"CARD_KEY\","
          + "\"retailPrice\":{\"amount\":\"10.00\",\"currency\":\"CNY\"},"
          + "\"price\":{\"amount\":\"9.00\",\"currency\":\"CNY\"},\"priceRule\":\"level 1\","
          + "\"minQuantity\":1,\"maxQuantity\":100,\"stock\":50,\"stockBand\":null,"
          + "\"inputs\":[]}]}";
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SKU_ID = Pattern.compile("\"skuId\"\\s*:\\s*\"([^\"]+)\"");

  @Override
  protected SupplierConnectorFactory factory() {
    return new KamengSupplierFactory();
  }

  @Override
  protected PluginConfig workingConfig() {
    return PluginConfig.of(
        Map.of(
            "baseUrl",
            "https://up.example",
            "keyId",
            "rk_abcdefghijklmnopqrstuvwx",
            "secret",
            "rs_" + "A".repeat(43)));
  }

  @Override
  protected Upstream upstream() {
    return new ResellerApi();
  }

  @Override
  protected UpstreamOrder order(String orderLineId) {
    return new UpstreamOrder(
        orderLineId, SKU, 1, Money.of(900, "CNY"), Map.of(), URI.create("https://down.example/cb"));
  }

  @Override
  protected UpstreamOrder refusedOrder(String orderLineId) {
    return new UpstreamOrder(
        orderLineId,
        "00000000-0000-4000-8000-00000000dead",
        1,
        Money.of(900, "CNY"),
        Map.of(),
        URI.create("https://down.example/cb"));
  }

  /** The parts of an upstream shop's reseller API the connector calls, with its idempotency. */
  static final class ResellerApi implements Upstream {
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, Integer> purchases = new ConcurrentHashMap<>();

    @Override
    public OutboundResponse send(OutboundRequest request) {
      String path = request.uri().getPath();
      if (request.method().equals("GET") && path.equals("/api/reseller/v1/catalogue")) {
        return json(200, CATALOGUE);
      }
      if (request.method().equals("POST") && path.equals("/api/reseller/v1/orders")) {
        String body = request.body().text();
        String requestId = group(REQUEST_ID, body);
        if (!SKU.equals(group(SKU_ID, body))) {
          return json(
              404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such product.\"}");
        }
        String existing = orders.get(requestId);
        if (existing != null) {
          return json(200, existing);
        }
        String order =
            "{\"orderId\":\""
                + UUID.randomUUID()
                + "\",\"requestId\":\""
                + requestId
                + "\",\"status\":\"DELIVERED\",\"keys\":[\"KEY-"
                + requestId
                + "\"],\"manualDeliveries\":[]}";
        orders.put(requestId, order);
        purchases.merge(requestId, 1, Integer::sum);
        return json(201, order);
      }
      if (request.method().equals("GET") && path.startsWith("/api/reseller/v1/requests/")) {
        String order = orders.get(path.substring("/api/reseller/v1/requests/".length()));
        return order == null
            ? json(404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such order.\"}")
            : json(200, order);
      }
      return json(404, "{\"title\":\"Not Found\",\"status\":404}");
    }

    @Override
    public int purchases(String orderLineId) {
      return purchases.getOrDefault(orderLineId, 0);
    }

    private static String group(Pattern pattern, String body) {
      Matcher m = pattern.matcher(body);
      return m.find() ? m.group(1) : "";
    }

    private static OutboundResponse json(int status, String body) {
      return new OutboundResponse(
          status, Headers.of(Map.of("Content-Type", "application/json")), Body.utf8(body));
    }
  }
}
