package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.supplier.SupplierConnector;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * {@link SupplierConnectorContract} against a sound reference connector and against one flaw at a
 * time: each flaw must fail the test meant to catch it, so the contract is known to bite.
 */
class SupplierContractBitesTest {

  /** Mistakes real connectors make. */
  enum SupplierFlaw {
    /** Sends a fresh request id with every attempt instead of our order-line id. */
    NEW_KEY_PER_ATTEMPT,
    /** Says "no such order" whenever the query does not get a 200. */
    ABSENT_ON_ERROR,
    /** Treats an upstream that is down as a final failure. */
    FINAL_WHEN_DOWN,
    /** Parses answers without checking them, throwing on anything unexpected. */
    THROWS_ON_GARBAGE,
    /** Believes any callback. */
    BELIEVES_CALLBACKS
  }

  static List<Arguments> flaws() {
    return List.of(
        Arguments.of(NewKeyPerAttempt.class, "anOrderLineIsBoughtOnceHoweverOftenItIsPlaced"),
        Arguments.of(AbsentOnError.class, "anUpstreamThatIsDownIsNeverAFinalFailureNorAbsent"),
        Arguments.of(FinalWhenDown.class, "anUpstreamThatIsDownIsNeverAFinalFailureNorAbsent"),
        Arguments.of(
            ThrowsOnGarbage.class,
            "anAnswerThatIsNotTheProtocolIsNeverAFinalFailureNorAbsentNorAnException"),
        Arguments.of(BelievesCallbacks.class, "callbacksAreJudgedWithoutThrowingWhateverArrives"));
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @MethodSource("flaws")
  void theContractCatchesTheFlaw(Class<?> flawed, String test) {
    Set<String> failed = ContractRuns.failedTests(flawed);
    assertTrue(failed.contains(test), flawed.getSimpleName() + " failed only " + failed);
  }

  @Test
  void theSoundReferenceFailsNothing() {
    assertEquals(Set.of(), ContractRuns.failedTests(SoundSupplier.class));
  }

  // --- a reference upstream: a tiny form-encoded protocol ---------------------------------------
  //   POST /orders  line=<key>&item=<id>&qty=<n>  → 201 (bought) or 200 (bought before) with
  //                                                  "order=<id>&keys=<k1,k2>", 422 unknown item
  //   GET  /orders/<key>                           → 200 as above, or 404 "none"

  static final String ITEM = "gift-100";

  static final class ReferenceUpstream implements SupplierConnectorContract.Upstream {
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Map<String, Integer> purchases = new ConcurrentHashMap<>();

    @Override
    public OutboundResponse send(OutboundRequest request) {
      String path = request.uri().getPath();
      if (request.method().equals("POST") && path.equals("/orders")) {
        Map<String, String> form = form(request.body().text());
        String line = form.getOrDefault("line", "");
        if (!ITEM.equals(form.get("item"))) {
          return answer(422, "error=unknown item");
        }
        String existing = orders.get(line);
        if (existing != null) {
          return answer(200, existing);
        }
        String order = "order=up-" + UUID.randomUUID() + "&keys=KEY-" + line;
        orders.put(line, order);
        purchases.merge(line, 1, Integer::sum);
        return answer(201, order);
      }
      if (request.method().equals("GET") && path.startsWith("/orders/")) {
        String order = orders.get(path.substring("/orders/".length()));
        return order == null ? answer(404, "none") : answer(200, order);
      }
      return answer(404, "none");
    }

    @Override
    public int purchases(String orderLineId) {
      // A connector with a fresh key per attempt buys under keys starting with our line id.
      return purchases.entrySet().stream()
          .filter(e -> e.getKey().startsWith(orderLineId))
          .mapToInt(Map.Entry::getValue)
          .sum();
    }

    private static OutboundResponse answer(int status, String body) {
      return new OutboundResponse(
          status,
          Headers.of(Map.of("Content-Type", "application/x-www-form-urlencoded")),
          Body.utf8(body));
    }
  }

  static Map<String, String> form(String text) {
    Map<String, String> values = new HashMap<>();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return values;
  }

  // --- the reference connector, with optional flaws --------------------------------------------

  static final class ReferenceSupplier implements SupplierConnector {
    private final Set<SupplierFlaw> flaws;
    private final HostContext host;

    ReferenceSupplier(Set<SupplierFlaw> flaws, HostContext host) {
      this.flaws = flaws;
      this.host = host;
    }

    @Override
    public UpstreamResult placeOrder(UpstreamOrder order) throws IOException {
      String key =
          flaws.contains(SupplierFlaw.NEW_KEY_PER_ATTEMPT)
              ? order.orderLineId() + "-" + UUID.randomUUID().toString().substring(0, 6)
              : order.orderLineId();
      OutboundResponse response =
          host.http()
              .send(
                  OutboundRequest.post(
                      URI.create("https://upstream.test/orders"),
                      "application/x-www-form-urlencoded",
                      Body.utf8(
                          "line="
                              + key
                              + "&item="
                              + order.upstreamItemId()
                              + "&qty="
                              + order.quantity())));
      if (response.status() == 422) {
        return new UpstreamResult.FinalFailure("the upstream refuses: " + response.body().text());
      }
      if (response.status() >= 500) {
        return flaws.contains(SupplierFlaw.FINAL_WHEN_DOWN)
            ? new UpstreamResult.FinalFailure("upstream down")
            : new UpstreamResult.RetryableFailure("upstream answered " + response.status());
      }
      return parse(response);
    }

    @Override
    public Optional<UpstreamResult> queryOrder(String orderLineId, Optional<String> upstreamId)
        throws IOException {
      OutboundResponse response =
          host.http()
              .send(OutboundRequest.get(URI.create("https://upstream.test/orders/" + orderLineId)));
      if (response.status() == 404 && response.body().text().equals("none")) {
        return Optional.empty();
      }
      if (response.status() != 200) {
        return flaws.contains(SupplierFlaw.ABSENT_ON_ERROR)
            ? Optional.empty()
            : Optional.of(
                new UpstreamResult.RetryableFailure("upstream answered " + response.status()));
      }
      return Optional.of(parse(response));
    }

    private UpstreamResult parse(OutboundResponse response) {
      Map<String, String> answer = form(response.body().text());
      String order = answer.get("order");
      String keys = answer.get("keys");
      if (flaws.contains(SupplierFlaw.THROWS_ON_GARBAGE)) {
        return new UpstreamResult.Delivered(order, List.of(keys.split(",")));
      }
      if (order == null || keys == null || !order.startsWith("up-")) {
        return new UpstreamResult.RetryableFailure("the upstream's answer is not its protocol");
      }
      return new UpstreamResult.Delivered(order, List.of(keys.split(",")));
    }

    @Override
    public UpstreamCallback interpretCallback(InboundRequest request) {
      if (flaws.contains(SupplierFlaw.BELIEVES_CALLBACKS)) {
        return new UpstreamCallback.Verified(
            "line-1",
            new UpstreamResult.Delivered("up-x", List.of("FREE")),
            InboundReply.text(200, "ok"),
            InboundReply.text(409, "no"));
      }
      return new UpstreamCallback.Rejected(
          "this connector takes no callbacks", InboundReply.text(404, "not found"));
    }
  }

  abstract static class ReferenceContract extends SupplierConnectorContract {
    private final Set<SupplierFlaw> flaws;

    ReferenceContract(Set<SupplierFlaw> flaws) {
      this.flaws = flaws;
    }

    @Override
    protected SupplierConnectorFactory factory() {
      return new SupplierConnectorFactory() {
        @Override
        public PluginDescriptor descriptor() {
          return PluginDescriptor.of("supplier-reference", LocalizedText.of("参考", "Reference"));
        }

        @Override
        public ConfigSchema configSchema() {
          return ConfigSchema.empty();
        }

        @Override
        public SupplierConnector create(TenantId tenant, PluginConfig config, HostContext host) {
          return new ReferenceSupplier(flaws, host);
        }
      };
    }

    @Override
    protected PluginConfig workingConfig() {
      return PluginConfig.of(Map.of());
    }

    @Override
    protected Upstream upstream() {
      return new ReferenceUpstream();
    }

    @Override
    protected UpstreamOrder order(String orderLineId) {
      return new UpstreamOrder(
          orderLineId, ITEM, 1, Money.of(900, "CNY"), Map.of(), URI.create("https://shop.test/cb"));
    }

    @Override
    protected UpstreamOrder refusedOrder(String orderLineId) {
      return new UpstreamOrder(
          orderLineId,
          "no-such-item",
          1,
          Money.of(900, "CNY"),
          Map.of(),
          URI.create("https://shop.test/cb"));
    }
  }

  static class SoundSupplier extends ReferenceContract {
    SoundSupplier() {
      super(EnumSet.noneOf(SupplierFlaw.class));
    }
  }

  static class NewKeyPerAttempt extends ReferenceContract {
    NewKeyPerAttempt() {
      super(EnumSet.of(SupplierFlaw.NEW_KEY_PER_ATTEMPT));
    }
  }

  static class AbsentOnError extends ReferenceContract {
    AbsentOnError() {
      super(EnumSet.of(SupplierFlaw.ABSENT_ON_ERROR));
    }
  }

  static class FinalWhenDown extends ReferenceContract {
    FinalWhenDown() {
      super(EnumSet.of(SupplierFlaw.FINAL_WHEN_DOWN));
    }
  }

  static class ThrowsOnGarbage extends ReferenceContract {
    ThrowsOnGarbage() {
      super(EnumSet.of(SupplierFlaw.THROWS_ON_GARBAGE));
    }
  }

  static class BelievesCallbacks extends ReferenceContract {
    BelievesCallbacks() {
      super(EnumSet.of(SupplierFlaw.BELIEVES_CALLBACKS));
    }
  }
}
