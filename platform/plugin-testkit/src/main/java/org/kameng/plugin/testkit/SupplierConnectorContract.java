package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.http.Parameters;
import org.kameng.plugin.api.supplier.SupplierConnector;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * The contract every {@link SupplierConnector} passes: money leaves the shop with every upstream
 * order, so the same order line is never bought twice — not when it is placed again, not when the
 * answer to a purchase was lost on the way back; a lost answer is found by the query, and only a
 * positive "no such order" lets the host buy again; an upstream that is down or answers garbage is
 * never a final failure, never "no such order" and never an unchecked exception; an order the
 * upstream refuses for good is a final failure that bought nothing; and callbacks are judged
 * without throwing, whatever arrives.
 *
 * <p>Extend this class in the connector's tests and supply a simulation of the upstream that speaks
 * the connector's real protocol ({@link Upstream}): the contract sends the connector's requests to
 * it through the host's client, and injects the network's failures itself — the answer to a
 * purchase lost after the upstream acted (reads still answer), an upstream that is down, an answer
 * that is not the protocol.
 */
public abstract class SupplierConnectorContract {

  /** The plugin's factory, as the host creates it. */
  protected abstract SupplierConnectorFactory factory();

  /** A configuration the factory accepts, pointing at the simulated upstream. */
  protected abstract PluginConfig workingConfig();

  /**
   * A fresh simulation of the upstream, speaking the connector's protocol, with the item of {@link
   * #order} in stock and enough funds or credit for a few purchases. Called once per test.
   */
  protected abstract Upstream upstream();

  /** An order of the upstream's item in stock, at a price the connector accepts. */
  protected abstract UpstreamOrder order(String orderLineId);

  /** An order the upstream refuses for good, e.g. for an item it does not sell. */
  protected abstract UpstreamOrder refusedOrder(String orderLineId);

  /** The simulated upstream: answers the connector's requests and counts what it bought. */
  public interface Upstream extends OutboundHttp {

    /** How many purchases the upstream made for our order-line id. */
    int purchases(String orderLineId);
  }

  /** What the network does to the connector's requests in a test. */
  private enum Network {
    /** Requests and answers arrive. */
    WORKING,
    /**
     * Requests arrive and the upstream acts, but the answer to every request that may change
     * something (anything but GET and HEAD) is lost on the way back; reads still answer.
     */
    LOSING_ANSWERS,
    /** The upstream answers 503 without acting. */
    UPSTREAM_DOWN,
    /** Something answers 200 with a body that is not the protocol, without acting. */
    GARBAGE
  }

  private Upstream upstream;
  private Network network = Network.WORKING;
  private ContractHost host;

  /** The host of the last connector created, to inspect its requests, store and log. */
  protected ContractHost host() {
    return host;
  }

  /** A connector of {@link #workingConfig()} for tenant A, on a host whose client reaches it. */
  private SupplierConnector connector() {
    if (upstream == null) {
      upstream = upstream();
    }
    host =
        new ContractHost(ContractHost.TENANT_A, factory().id(), workingConfig())
            .answering(this::through);
    return factory().create(ContractHost.TENANT_A, workingConfig(), host);
  }

  private OutboundResponse through(OutboundRequest request) throws IOException {
    switch (network) {
      case UPSTREAM_DOWN:
        return new OutboundResponse(
            503, Headers.none(), Body.utf8("upstream temporarily unavailable"));
      case GARBAGE:
        return new OutboundResponse(
            200, Headers.of(Map.of("Content-Type", "text/html")), Body.utf8("<html>oops"));
      case LOSING_ANSWERS:
        OutboundResponse answer = upstream.send(request);
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
          return answer;
        }
        throw new IOException("connection reset after the request was sent (injected)");
      default:
        return upstream.send(request);
    }
  }

  private static String line() {
    return "line-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anOrderLineIsBoughtOnceHoweverOftenItIsPlaced() throws IOException {
    SupplierConnector connector = connector();
    String line = line();
    UpstreamResult first = connector.placeOrder(order(line));
    assertTrue(
        first instanceof UpstreamResult.Delivered
            || first instanceof UpstreamResult.Accepted
            || first instanceof UpstreamResult.Pending,
        "a purchase the upstream can fulfil gave " + first);
    UpstreamResult again = connector.placeOrder(order(line));
    assertFalse(
        again instanceof UpstreamResult.FinalFailure,
        "placing the same line again must not fail it for good: " + again);
    assertEquals(1, upstream.purchases(line), "the same order line was bought more than once");
    // A new connector (another instance, after a restart) must not buy it again either.
    connector().placeOrder(order(line));
    assertEquals(1, upstream.purchases(line), "a new instance bought the same line again");
  }

  @Test
  void anAnswerLostAfterThePurchaseIsFoundByTheQueryAndNothingIsBoughtTwice() throws IOException {
    SupplierConnector connector = connector();
    String line = line();
    network = Network.LOSING_ANSWERS;
    try {
      UpstreamResult result = connector.placeOrder(order(line));
      assertTrue(
          result instanceof UpstreamResult.RetryableFailure,
          "with the answer lost the outcome is unknown: throw IOException or return a"
              + " retryable failure, not "
              + result);
    } catch (IOException expected) {
      // The documented way to say "outcome unknown".
    }
    assertEquals(1, upstream.purchases(line), "the upstream did not receive the purchase");
    network = Network.WORKING;
    Optional<UpstreamResult> found = connector.queryOrder(line, Optional.empty());
    assertTrue(
        found.isPresent(),
        "the query said the upstream has no order for a line it bought: the host would buy again");
    assertFalse(
        found.get() instanceof UpstreamResult.FinalFailure,
        "a bought line reported as failed: " + found.get());
    connector.placeOrder(order(line));
    assertEquals(1, upstream.purchases(line), "the line was bought twice after a lost answer");
  }

  @Test
  void aLineNeverPlacedIsPositivelyAbsent() throws IOException {
    assertEquals(Optional.empty(), connector().queryOrder(line(), Optional.empty()));
  }

  @Test
  void anUpstreamThatIsDownIsNeverAFinalFailureNorAbsent() {
    SupplierConnector connector = connector();
    network = Network.UPSTREAM_DOWN;
    String line = line();
    assertUnknown(() -> connector.placeOrder(order(line)), "placing while the upstream is down");
    assertNotAbsent(() -> connector.queryOrder(line, Optional.empty()), "querying while down");
    assertEquals(0, upstream.purchases(line));
  }

  @Test
  void anAnswerThatIsNotTheProtocolIsNeverAFinalFailureNorAbsentNorAnException() {
    SupplierConnector connector = connector();
    network = Network.GARBAGE;
    String line = line();
    assertUnknown(() -> connector.placeOrder(order(line)), "placing with a garbage answer");
    assertNotAbsent(() -> connector.queryOrder(line, Optional.empty()), "querying with garbage");
  }

  @Test
  void anOrderTheUpstreamRefusesForGoodIsAFinalFailureThatBoughtNothing() throws IOException {
    String line = line();
    UpstreamResult result = connector().placeOrder(refusedOrder(line));
    assertInstanceOf(UpstreamResult.FinalFailure.class, result);
    assertEquals(0, upstream.purchases(line));
  }

  @Test
  void callbacksAreJudgedWithoutThrowingWhateverArrives() {
    SupplierConnector connector = connector();
    for (InboundRequest junk : junkCallbacks()) {
      UpstreamCallback verdict =
          assertDoesNotThrow(() -> connector.interpretCallback(junk), junk.method() + " junk");
      assertNotNull(verdict);
      assertInstanceOf(UpstreamCallback.Rejected.class, verdict, "junk was believed: " + junk);
    }
  }

  private static List<InboundRequest> junkCallbacks() {
    return List.of(
        new InboundRequest(
            "POST",
            "/api/public/upstream/callback",
            Parameters.none(),
            Parameters.none(),
            Headers.none(),
            Body.empty(),
            "203.0.113.9"),
        new InboundRequest(
            "POST",
            "/api/public/upstream/callback",
            Parameters.of(Map.of("orderLineId", "line-1", "status", "DELIVERED")),
            Parameters.none(),
            Headers.of(Map.of("Content-Type", "application/json")),
            Body.of(
                "{\"status\":\"DELIVERED\",\"keys\":[\"FREE\"]}".getBytes(StandardCharsets.UTF_8)),
            "203.0.113.9"),
        new InboundRequest(
            "GET",
            "/api/public/upstream/callback",
            Parameters.of(Map.of("sign", "0".repeat(64))),
            Parameters.none(),
            Headers.none(),
            Body.of(new byte[] {(byte) 0xff, 0x00, 0x7f}),
            "203.0.113.9"));
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  /** The outcome must stay unknown: an IOException or a retryable failure. */
  private static void assertUnknown(Call<UpstreamResult> call, String what) {
    try {
      UpstreamResult result = call.run();
      assertInstanceOf(
          UpstreamResult.RetryableFailure.class,
          result,
          what + ": the outcome is unknown, not " + result);
    } catch (IOException expected) {
      // Unknown outcome, as documented.
    } catch (RuntimeException bug) {
      fail(what + ": an unchecked exception is a plugin bug: " + bug, bug);
    }
  }

  /** A query that cannot reach the truth must not say "no such order". */
  private static void assertNotAbsent(Call<Optional<UpstreamResult>> call, String what) {
    try {
      Optional<UpstreamResult> result = call.run();
      assertTrue(
          result.isPresent(),
          what + ": answered \"no such order\" without hearing the upstream; the host would buy");
      assertFalse(
          result.get() instanceof UpstreamResult.FinalFailure
              || result.get() instanceof UpstreamResult.Delivered,
          what + ": " + result.get());
    } catch (IOException expected) {
      // Unknown, as documented.
    } catch (RuntimeException bug) {
      fail(what + ": an unchecked exception is a plugin bug: " + bug, bug);
    }
  }
}
