package org.kameng.server.reseller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kameng.kernel.docking.DownstreamResellers;
import org.kameng.kernel.docking.InvalidDockingException;
import org.kameng.kernel.docking.PlaceResellerOrder;
import org.kameng.kernel.docking.ResellerCatalogue;
import org.kameng.kernel.docking.ResellerNotFoundException;
import org.kameng.kernel.docking.ResellerOrders;
import org.kameng.kernel.docking.ResellerTopUps;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.payment.Channels;
import org.kameng.kernel.payment.ConfirmManualPayment;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.payment.Device;
import org.kameng.server.payments.PaymentReconciler;
import org.kameng.server.payments.PaymentStarter;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PluginFailureException;

/**
 * The reseller API, version 1: what a downstream reseller does at the shop at the request's host,
 * every request signed with its API key (docs/docking/reseller-api.md). Bodies are read as bytes,
 * because the signature covers the exact bytes sent.
 */
@Path("/reseller/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Reseller API",
    description =
        "Signed with X-Kameng-Key, X-Kameng-Timestamp, X-Kameng-Nonce and X-Kameng-Signature;"
            + " see docs/docking/reseller-api.md")
public class ResellerApiResource {

  private static final int MAX_BODY = 16 * 1024;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject SignedCalls calls;
  @Inject Transactions transactions;
  @Inject PlaceResellerOrder placeOrder;
  @Inject ResellerOrders orders;
  @Inject PaymentChannels paymentChannels;
  @Inject PaymentStarter starter;
  @Inject PaymentReconciler reconciler;

  @Context HttpServletRequest request;

  /** The caller's account at this shop. */
  public record BalanceView(UUID resellerId, String name, Money balance) {}

  /** What the caller may buy, at its price. */
  public record CatalogueView(String stockDisplay, List<ResellerCatalogue.Item> items) {}

  /** An order placed through the API. */
  public record OrderBody(
      String requestId,
      UUID skuId,
      Integer quantity,
      Map<String, String> inputs,
      String callbackUrl) {}

  /**
   * A top-up the caller asks for: {@code amount} in its balance currency as a decimal string (such
   * as {@code "500.00"}), paid through {@code channelId}, one of {@code GET /channels}.
   */
  public record TopUpBody(String amount, String channelId) {}

  /**
   * A top-up just opened: {@code payment} says what to do to pay it (as for a buyer's order),
   * unless the channel failed to start; then {@code paymentProblem} says why.
   */
  public record TopUpStarted(
      ResellerTopUps.ChannelTopUp topUp,
      PaymentStarter.OpenedPayment payment,
      String paymentProblem) {}

  /** What an order delivered. */
  public record DeliveriesView(
      UUID orderId, OrderStatus status, List<String> keys, List<String> manualDeliveries) {}

  @GET
  @Path("/balance")
  @Operation(summary = "The caller's prepaid balance at this shop")
  public BalanceView balance() {
    SignedCalls.Signed signed = calls.verify(null);
    DownstreamResellers.Reseller reseller =
        transactions
            .inTenant(
                signed.tenant(), c -> DownstreamResellers.find(c, signed.caller().resellerId()))
            .orElseThrow(() -> new NotFoundException("No such reseller."));
    return new BalanceView(reseller.id(), reseller.name(), reseller.balance());
  }

  @GET
  @Path("/catalogue")
  @Operation(summary = "Every SKU on sale at the caller's wholesale price, with stock")
  public CatalogueView catalogue() {
    SignedCalls.Signed signed = calls.verify(null);
    return transactions.inTenant(
        signed.tenant(),
        c ->
            new CatalogueView(
                ResellerCatalogue.stockDisplay(c),
                ResellerCatalogue.items(c, signed.caller().resellerId())));
  }

  @POST
  @Path("/orders")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequestBody(content = @Content(schema = @Schema(implementation = OrderBody.class)))
  @Operation(
      summary =
          "Buy at the caller's price, paid from its balance; idempotent by requestId (201 new, 200"
              + " the same order again, 409 another body)")
  public Response place(byte[] body) {
    checkSize(body);
    SignedCalls.Signed signed = calls.verify(body);
    if (body == null || body.length == 0) {
      throw new BadRequestException("A JSON body is required.");
    }
    OrderBody order = JSON.fromJson(new String(body, StandardCharsets.UTF_8), OrderBody.class);
    if (order == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    PlaceResellerOrder.Outcome outcome =
        placeOrder.place(
            signed.tenant(),
            signed.caller(),
            new PlaceResellerOrder.ResellerOrderRequest(
                order.requestId(),
                order.skuId(),
                order.quantity(),
                order.inputs(),
                order.callbackUrl()));
    ResellerOrders.ResellerOrder placed = find(signed, outcome.orderId());
    return Response.status(outcome.replayed() ? 200 : 201)
        .cacheControl(noStore())
        .entity(placed)
        .build();
  }

  @GET
  @Path("/orders/{orderId}")
  @Operation(summary = "One of the caller's orders, with its keys once delivered")
  public Response order(@PathParam("orderId") String orderId) {
    SignedCalls.Signed signed = calls.verify(null);
    return Response.ok(find(signed, uuid(orderId))).cacheControl(noStore()).build();
  }

  @GET
  @Path("/requests/{requestId}")
  @Operation(summary = "The caller's order placed with this request id, if any")
  public Response byRequest(@PathParam("requestId") String requestId) {
    SignedCalls.Signed signed = calls.verify(null);
    ResellerOrders.ResellerOrder order =
        transactions
            .inTenant(
                signed.tenant(),
                c ->
                    orders.byRequestId(
                        c, signed.tenant(), signed.caller().resellerId(), requestId, calls.ip()))
            .orElseThrow(() -> new ResellerNotFoundException("No order with this request id."));
    return Response.ok(order).cacheControl(noStore()).build();
  }

  @GET
  @Path("/orders/{orderId}/deliveries")
  @Operation(summary = "What one of the caller's orders delivered: card keys, staff deliveries")
  public Response deliveries(@PathParam("orderId") String orderId) {
    SignedCalls.Signed signed = calls.verify(null);
    ResellerOrders.ResellerOrder order = find(signed, uuid(orderId));
    return Response.ok(
            new DeliveriesView(
                order.orderId(), order.status(), order.keys(), order.manualDeliveries()))
        .cacheControl(noStore())
        .build();
  }

  @GET
  @Path("/channels")
  @Operation(summary = "The payment channels the caller may top up its balance through")
  public List<Channels.Choice> channels() {
    SignedCalls.Signed signed = calls.verify(null);
    return topUpChannels(signed);
  }

  @POST
  @Path("/top-ups")
  @Consumes(MediaType.APPLICATION_JSON)
  @RequestBody(content = @Content(schema = @Schema(implementation = TopUpBody.class)))
  @Operation(
      summary =
          "Top up the caller's balance by paying through one of the shop's channels (201); the"
              + " balance rises when the provider's verified notify arrives")
  public Response topUp(byte[] body) {
    checkSize(body);
    SignedCalls.Signed signed = calls.verify(body);
    TopUpBody asked =
        body == null || body.length == 0
            ? null
            : JSON.fromJson(new String(body, StandardCharsets.UTF_8), TopUpBody.class);
    if (asked == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    UUID channelId = channelId(asked.channelId());
    // Only a channel a payment can be started with now: the platform may have disabled its plugin.
    if (topUpChannels(signed).stream().noneMatch(ch -> ch.id().equals(channelId))) {
      throw new InvalidDockingException(
          "channelId", "one of the payment channels GET /reseller/v1/channels lists");
    }
    ResellerTopUps.ChannelTopUp topUp =
        transactions.inTenant(
            signed.tenant(),
            c ->
                ResellerTopUps.start(
                    c, signed.tenant(), signed.caller().resellerId(), asked.amount(), channelId));
    PaymentStarter.OpenedPayment payment = null;
    String paymentProblem = null;
    try {
      payment =
          starter.begin(
              signed.tenant(),
              signed.shop().name(),
              topUp,
              new PaymentStarter.Buyer(
                  URI.create(request.getScheme() + "://" + request.getHeader("Host") + "/"),
                  Optional.ofNullable(calls.ip()),
                  Device.DESKTOP));
    } catch (PluginFailureException e) {
      // The top-up is open and pending; the caller may start another through another channel.
      paymentProblem = e.getMessage();
    }
    return Response.status(201)
        .cacheControl(noStore())
        .entity(new TopUpStarted(topUp, payment, paymentProblem))
        .build();
  }

  @GET
  @Path("/top-ups/{topUpId}")
  @Operation(
      summary =
          "One of the caller's top-ups: status, amount and the balance after it; a pending one is"
              + " first looked up at the provider")
  public Response topUpStatus(@PathParam("topUpId") String topUpId) {
    SignedCalls.Signed signed = calls.verify(null);
    UUID id = uuid(topUpId, "No such top-up of yours.");
    ResellerTopUps.ChannelTopUp topUp = findTopUp(signed, id);
    if (!"PAID".equals(topUp.status())) {
      // The notify may have been lost: ask the provider now, through the same checks as a notify.
      try {
        reconciler.reconcilePayment(signed.tenant(), topUp.paymentId());
        topUp = findTopUp(signed, id);
      } catch (PluginFailureException e) {
        // The provider cannot be asked now; the reconcile job keeps asking. Answer what we know.
      }
    }
    return Response.ok(topUp).cacheControl(noStore()).build();
  }

  private ResellerTopUps.ChannelTopUp findTopUp(SignedCalls.Signed signed, UUID id) {
    return transactions
        .inTenant(signed.tenant(), c -> ResellerTopUps.find(c, signed.caller().resellerId(), id))
        .orElseThrow(() -> new ResellerNotFoundException("No such top-up of yours."));
  }

  // The shop's enabled channels a payment can be started with now, but the manual one: staff
  // record money paid to them directly (POST /api/shops/{slug}/resellers/{id}/top-ups).
  private List<Channels.Choice> topUpChannels(SignedCalls.Signed signed) {
    List<Channels.Choice> enabled = transactions.inTenant(signed.tenant(), Channels::enabled);
    return paymentChannels.offeredOnly(enabled, signed.tenant()).stream()
        .filter(ch -> !ConfirmManualPayment.CHANNEL.equals(ch.channel()))
        .toList();
  }

  private static UUID channelId(String id) {
    try {
      return UUID.fromString(id == null ? "" : id);
    } catch (IllegalArgumentException e) {
      throw new InvalidDockingException(
          "channelId", "one of the payment channels GET /reseller/v1/channels lists");
    }
  }

  private ResellerOrders.ResellerOrder find(SignedCalls.Signed signed, UUID orderId) {
    return transactions
        .inTenant(
            signed.tenant(),
            c ->
                orders.byOrderId(
                    c, signed.tenant(), signed.caller().resellerId(), orderId, calls.ip()))
        .orElseThrow(() -> new ResellerNotFoundException("No such order of yours."));
  }

  // Checked after the signature: a malformed id from a verified caller is simply not its order.
  private static UUID uuid(String id) {
    return uuid(id, "No such order of yours.");
  }

  private static UUID uuid(String id, String notFound) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResellerNotFoundException(notFound);
    }
  }

  private static void checkSize(byte[] body) {
    if (body != null && body.length > MAX_BODY) {
      throw new WebApplicationException("The body is larger than 16 KiB.", 413);
    }
  }

  private static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    cc.setNoCache(true);
    return cc;
  }
}
