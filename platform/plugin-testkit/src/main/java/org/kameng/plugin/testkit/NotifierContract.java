package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.notifier.DeliveryResult;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.MessageKind;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.api.notifier.Recipient;

/**
 * The contract every {@link Notifier} plugin passes, whatever its transport: it goes out only
 * through the host; every kind is sent or refused, never thrown; a busy or unreachable receiver
 * means "retry later" (the host then backs off), a destination the host refuses fails for good
 * (retrying changes nothing); the message id travels with the message so receivers can deduplicate;
 * and no secret of its configuration, nor a buyer's address, appears in what is sent, a result or
 * the log. Extend this class in the plugin's tests and supply a working configuration.
 *
 * <p>By default the far side is an HTTP receiver answered through {@link ContractHost#answering}. A
 * notifier on another transport overrides {@link #notifier(FarSide)} and {@link #delivered()}:
 * {@code notifier-smtp} runs the contract against a real SMTP server ({@link SmtpFarSide}).
 */
public abstract class NotifierContract {

  /** The buyer address in test messages; it must never be logged. */
  public static final String BUYER_EMAIL = "buyer-canary@example.cn";

  /** The plugin's factory, as the host creates it. */
  protected abstract NotifierFactory factory();

  /** A configuration the factory accepts, with its secret fields filled. */
  protected abstract PluginConfig workingConfig();

  private ContractHost host;

  /** The host of the last notifier created. */
  protected ContractHost host() {
    return host;
  }

  /** How the far side of the notifier's channel behaves in one test. */
  protected enum FarSide {
    /** Takes the message (HTTP 200; SMTP 250 to the data). */
    ACCEPTING,
    /** Busy for now (HTTP 503; SMTP 421). */
    BUSY,
    /** Nothing answers (connection refused). */
    UNREACHABLE,
    /** The host's egress policy refuses the destination before anything connects. */
    REFUSED_BY_HOST,
    /** Refuses the message for good (HTTP 400; SMTP 5xx). */
    REJECTING
  }

  /**
   * A notifier of the working configuration whose far side behaves as asked. The default is for
   * HTTP notifiers; override it for another transport, creating the host with {@link
   * #useHost(ContractHost)} so the tests can inspect it.
   */
  protected Notifier notifier(FarSide farSide) {
    return switch (farSide) {
      case ACCEPTING -> notifier(answering(200));
      case BUSY -> notifier(answering(503));
      case UNREACHABLE ->
          notifier(
              request -> {
                throw new IOException("connection refused");
              });
      case REFUSED_BY_HOST ->
          notifier(
              request -> {
                throw new DestinationRefusedException("a private address");
              });
      case REJECTING -> notifier(answering(400));
    };
  }

  /**
   * Everything that reached the far side since the last notifier was created, as text (for HTTP
   * each request's URI, headers and body; for mail each whole message).
   */
  protected List<String> delivered() {
    return host().requests().stream().map(NotifierContract::text).toList();
  }

  /** Makes {@code contractHost} the host the tests inspect, and returns it. */
  protected ContractHost useHost(ContractHost contractHost) {
    this.host = contractHost;
    return contractHost;
  }

  /** A notifier of {@link #workingConfig()} whose requests go to {@code receiver}. */
  protected Notifier notifier(OutboundHttp receiver) {
    host =
        new ContractHost(ContractHost.TENANT_A, factory().id(), workingConfig())
            .answering(receiver);
    return factory().create(ContractHost.TENANT_A, workingConfig(), host);
  }

  /** A message of each kind, with the variables its kind documents. */
  protected static Message message(MessageKind kind) {
    Map<String, String> vars = new java.util.HashMap<>();
    vars.put("shopName", "Contract shop");
    vars.put("shopUrl", "https://contract.shop.test/");
    vars.put("orderNumber", "1042");
    vars.put("orderUrl", "https://contract.shop.test/orders");
    vars.put("amount", "9.90 CNY");
    vars.put("channel", "Sandbox");
    vars.put("reason", "no stock");
    vars.put("supplier", "upstream");
    vars.put("productName", "Gift card");
    vars.put("skuName", "100 points");
    vars.put("stock", "3");
    Recipient to =
        kind == MessageKind.ORDER_DELIVERED || kind == MessageKind.ORDER_REFUNDED
            ? new Recipient.Buyer(BUYER_EMAIL)
            : new Recipient.ShopStaff();
    return new Message(
        "msg-" + UUID.randomUUID(), kind, to, Locale.SIMPLIFIED_CHINESE, vars, ContractHost.START);
  }

  private static OutboundHttp answering(int status) {
    return request -> new OutboundResponse(status, Headers.none(), Body.empty());
  }

  private List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (ConfigField field : factory().configSchema().fields()) {
      if (field.secret() || field.type() == FieldType.SECRET) {
        workingConfig().find(field.name()).ifPresent(secrets::add);
      }
    }
    return secrets;
  }

  private static String text(OutboundRequest request) {
    return request.uri()
        + " "
        + request.headers().values()
        + " "
        + new String(request.body().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void everyKindIsSentOrRefusedNeverThrown() throws IOException {
    Notifier notifier = notifier(FarSide.ACCEPTING);
    for (MessageKind kind : MessageKind.values()) {
      DeliveryResult result = notifier.deliver(message(kind));
      assertTrue(
          result instanceof DeliveryResult.Sent || result instanceof DeliveryResult.Failed,
          kind + " gave " + result);
    }
    assertFalse(delivered().isEmpty(), "nothing went out through the host");
  }

  @Test
  void theMessageIdTravelsWithEveryRequest() throws IOException {
    Notifier notifier = notifier(FarSide.ACCEPTING);
    Message message = message(MessageKind.PAYMENT_FAILED);
    assertInstanceOf(DeliveryResult.Sent.class, notifier.deliver(message));
    assertFalse(delivered().isEmpty(), "nothing went out through the host");
    for (String sent : delivered()) {
      assertTrue(sent.contains(message.messageId()), "the message id is not sent");
    }
  }

  @Test
  void aBusyReceiverMeansRetryLater() throws IOException {
    DeliveryResult result = notifier(FarSide.BUSY).deliver(message(MessageKind.LOW_STOCK));
    assertInstanceOf(DeliveryResult.RetryLater.class, result);
  }

  @Test
  void anUnreachableReceiverIsRetriedNotDropped() {
    Notifier notifier = notifier(FarSide.UNREACHABLE);
    try {
      DeliveryResult result = notifier.deliver(message(MessageKind.LOW_STOCK));
      assertInstanceOf(DeliveryResult.RetryLater.class, result);
    } catch (IOException expected) {
      // the host treats it as retry later
    }
  }

  @Test
  void aRefusedDestinationFailsForGood() {
    Notifier notifier = notifier(FarSide.REFUSED_BY_HOST);
    try {
      assertInstanceOf(
          DeliveryResult.Failed.class, notifier.deliver(message(MessageKind.LOW_STOCK)));
    } catch (IOException | RuntimeException e) {
      fail("a refused destination must be a Failed result, not " + e);
    }
  }

  @Test
  void noSecretNorBuyerAddressInRequestsResultsOrTheLog() throws IOException {
    List<String> seen = new ArrayList<>();
    List<String> logged = new ArrayList<>();
    // both outcomes: a refusal is where a careless plugin echoes its request or the reply
    for (FarSide farSide : List.of(FarSide.ACCEPTING, FarSide.REJECTING)) {
      Notifier notifier = notifier(farSide);
      for (MessageKind kind : MessageKind.values()) {
        seen.add(String.valueOf(notifier.deliver(message(kind))));
      }
      seen.addAll(delivered());
      logged.addAll(host().logLines());
      assertEquals(
          List.of(),
          host().stored().keySet().stream().filter(k -> k.contains(BUYER_EMAIL)).toList());
    }
    seen.addAll(logged);
    for (String secret : secrets()) {
      for (String s : seen) {
        assertFalse(s.contains(secret), "a secret of the configuration leaked: " + s);
      }
    }
    for (String s : logged) {
      assertFalse(s.contains(BUYER_EMAIL), "a buyer's address was logged: " + s);
    }
  }
}
