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
 * The contract every {@link Notifier} plugin that talks HTTP passes: it goes out only through the
 * host's client; every kind is sent or refused, never thrown; a busy or unreachable receiver means
 * "retry later" (the host then backs off), a destination the host refuses fails for good (retrying
 * changes nothing); the message id travels with the message so receivers can deduplicate; and no
 * secret of its configuration, nor a buyer's address, appears in a request, a result or the log.
 * Extend this class in the plugin's tests and supply a working configuration.
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
    Notifier notifier = notifier(answering(200));
    for (MessageKind kind : MessageKind.values()) {
      DeliveryResult result = notifier.deliver(message(kind));
      assertTrue(
          result instanceof DeliveryResult.Sent || result instanceof DeliveryResult.Failed,
          kind + " gave " + result);
    }
    assertFalse(host().requests().isEmpty(), "nothing went out through the host's client");
  }

  @Test
  void theMessageIdTravelsWithEveryRequest() throws IOException {
    Notifier notifier = notifier(answering(200));
    Message message = message(MessageKind.PAYMENT_FAILED);
    assertInstanceOf(DeliveryResult.Sent.class, notifier.deliver(message));
    for (OutboundRequest request : host().requests()) {
      assertTrue(text(request).contains(message.messageId()), "the message id is not sent");
    }
  }

  @Test
  void aBusyReceiverMeansRetryLater() throws IOException {
    for (int status : new int[] {429, 500, 503}) {
      DeliveryResult result = notifier(answering(status)).deliver(message(MessageKind.LOW_STOCK));
      assertInstanceOf(DeliveryResult.RetryLater.class, result, "status " + status);
    }
  }

  @Test
  void anUnreachableReceiverIsRetriedNotDropped() {
    Notifier notifier =
        notifier(
            request -> {
              throw new IOException("connection refused");
            });
    try {
      DeliveryResult result = notifier.deliver(message(MessageKind.LOW_STOCK));
      assertInstanceOf(DeliveryResult.RetryLater.class, result);
    } catch (IOException expected) {
      // the host treats it as retry later
    }
  }

  @Test
  void aRefusedDestinationFailsForGood() {
    Notifier notifier =
        notifier(
            request -> {
              throw new DestinationRefusedException("a private address");
            });
    try {
      assertInstanceOf(
          DeliveryResult.Failed.class, notifier.deliver(message(MessageKind.LOW_STOCK)));
    } catch (IOException | RuntimeException e) {
      fail("a refused destination must be a Failed result, not " + e);
    }
  }

  @Test
  void noSecretNorBuyerAddressInRequestsResultsOrTheLog() throws IOException {
    Notifier notifier = notifier(answering(400));
    List<String> seen = new ArrayList<>();
    for (MessageKind kind : MessageKind.values()) {
      seen.add(String.valueOf(notifier.deliver(message(kind))));
    }
    host().requests().forEach(r -> seen.add(text(r)));
    seen.addAll(host().logLines());
    for (String secret : secrets()) {
      for (String s : seen) {
        assertFalse(s.contains(secret), "a secret of the configuration leaked: " + s);
      }
    }
    for (String s : host().logLines()) {
      assertFalse(s.contains(BUYER_EMAIL), "a buyer's address was logged: " + s);
    }
    assertEquals(
        List.of(), host().stored().keySet().stream().filter(k -> k.contains(BUYER_EMAIL)).toList());
  }
}
