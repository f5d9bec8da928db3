package org.kameng.server.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.docking.ResellerTopUps;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.order.StartPayment.Started;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.payment.Device;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PaymentChannels.OpenChannel;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;

/**
 * Starts an opened payment at its provider, after the kernel committed it: the payment exists
 * before any plugin runs, so a notify can never arrive for a payment we do not know, and a plugin
 * that fails leaves a pending payment the buyer can abandon for another channel.
 */
@ApplicationScoped
public class PaymentStarter {

  private static final Duration START_LIMIT = Duration.ofSeconds(10);

  @Inject Transactions transactions;
  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;

  /**
   * What the buyer does next.
   *
   * @param kind {@code MANUAL} (pay the shop as it says), {@code REDIRECT} (go to {@code url}),
   *     {@code QR_CODE} (show {@code content} as a QR code) or {@code FORM} (post {@code fields} to
   *     {@code url})
   */
  public record PaymentAction(String kind, URI url, String content, Map<String, String> fields) {}

  /** A payment opened at its provider. */
  public record OpenedPayment(UUID paymentId, String channel, Money amount, PaymentAction action) {}

  /** Where the buyer came from, for the provider. */
  public record Buyer(URI shopBase, Optional<String> ip, Device device) {}

  /**
   * Starts the payment at its channel.
   *
   * @throws PluginFailureException if the channel failed; the payment stays pending and unpaid
   */
  public OpenedPayment begin(TenantId tenant, String shopName, UUID paymentId, Buyer buyer) {
    Started started =
        transactions
            .inTenant(tenant, c -> StartPayment.find(c, paymentId))
            .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " vanished"));
    return begin(tenant, shopName, started, buyer);
  }

  /**
   * Starts a payment the caller's committed transaction just opened, as that transaction described
   * it: not read again.
   */
  public OpenedPayment begin(TenantId tenant, String shopName, Started started, Buyer buyer) {
    return beginOrder(
        tenant,
        shopName,
        started.paymentId(),
        started.channelConfigId(),
        started.amount(),
        started.orderNumber(),
        started.payBy(),
        buyer);
  }

  /**
   * Starts the payment of an order just placed with it ({@code placed.paymentId()} not null), from
   * what the order's committed transaction wrote: the payment is of the order's total, until its
   * reservation ends.
   */
  public OpenedPayment begin(
      TenantId tenant, String shopName, PlacedOrder placed, UUID channelConfigId, Buyer buyer) {
    return beginOrder(
        tenant,
        shopName,
        placed.paymentId(),
        channelConfigId,
        placed.total(),
        placed.displayNumber(),
        placed.reservedUntil(),
        buyer);
  }

  /**
   * Starts the payment of a reseller's top-up its committed transaction just opened. The provider
   * sends the reseller's browser back to the shop's home page: the reseller API, not a page, tells
   * how the top-up went.
   */
  public OpenedPayment begin(
      TenantId tenant, String shopName, ResellerTopUps.ChannelTopUp topUp, Buyer buyer) {
    String number = "T" + topUp.number();
    return begin(
        tenant,
        topUp.paymentId(),
        topUp.channelConfigId(),
        topUp.amount(),
        number,
        subject(shopName + " top-up", number),
        buyer.shopBase().resolve("/"),
        topUp.payBy(),
        buyer);
  }

  private OpenedPayment beginOrder(
      TenantId tenant,
      String shopName,
      UUID paymentId,
      UUID channelConfigId,
      Money amount,
      long orderNumber,
      OffsetDateTime payBy,
      Buyer buyer) {
    String number = Long.toString(orderNumber);
    return begin(
        tenant,
        paymentId,
        channelConfigId,
        amount,
        number,
        subject(shopName, number),
        // The buyer's order page finds the order by the token the browser kept: never put the
        // token in a URL a provider sees.
        buyer.shopBase().resolve("/orders/paid?payment=" + paymentId),
        payBy,
        buyer);
  }

  private OpenedPayment begin(
      TenantId tenant,
      UUID paymentId,
      UUID channelConfigId,
      Money amount,
      String number,
      String subject,
      URI returnUrl,
      OffsetDateTime payBy,
      Buyer buyer) {
    OpenChannel channel =
        channels
            .open(tenant, channelConfigId)
            .orElseThrow(() -> new IllegalStateException("channel of " + paymentId + " vanished"));
    if (channel.channel() == null) {
      return new OpenedPayment(
          paymentId, channel.pluginId(), amount, new PaymentAction("MANUAL", null, null, null));
    }
    if (channels.isDisabled(channel.pluginId())) {
      // Payments already under way still complete; new ones wait until the platform enables it.
      throw new PluginFailureException(
          503, "the payment channel " + channel.pluginId() + " is disabled by the platform", null);
    }
    if (!channels.isOffered(channel.pluginId(), tenant)) {
      throw new PluginFailureException(
          503,
          "the payment channel " + channel.pluginId() + " is not available to this shop",
          null);
    }
    PaymentRequest request =
        new PaymentRequest(
            paymentId.toString(),
            number,
            amount,
            subject,
            returnUrl,
            channels.notifyUrl(tenant, channelConfigId, paymentId),
            buyer.ip(),
            buyer.device(),
            payBy.toInstant());
    PaymentStart start =
        calls.call(
            channel.pluginId(),
            channel.circuit(),
            channel.pluginId() + " payment start",
            START_LIMIT,
            () -> channel.channel().start(request));
    return new OpenedPayment(paymentId, channel.pluginId(), amount, action(start));
  }

  private static String subject(String shopName, String number) {
    String suffix = " #" + number;
    String name =
        shopName.length() + suffix.length() > 128
            ? shopName.substring(0, 128 - suffix.length())
            : shopName;
    return name + suffix;
  }

  private static PaymentAction action(PaymentStart start) {
    if (start instanceof PaymentStart.Redirect redirect) {
      return new PaymentAction("REDIRECT", redirect.url(), null, null);
    }
    if (start instanceof PaymentStart.QrCode qr) {
      return new PaymentAction("QR_CODE", null, qr.content(), null);
    }
    PaymentStart.AutoSubmitForm form = (PaymentStart.AutoSubmitForm) start;
    return new PaymentAction("FORM", form.action(), null, form.fields());
  }
}
