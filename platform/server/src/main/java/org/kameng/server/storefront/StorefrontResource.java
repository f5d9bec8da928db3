package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.catalog.StorefrontCatalog;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderQueries;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.payment.Channels;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.server.payments.PaymentReconciler;
import org.kameng.server.payments.PaymentStarter;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.plugins.ShopPriceRules;
import org.kameng.server.storefront.StorefrontBodies.LookupBody;
import org.kameng.server.storefront.StorefrontBodies.PayBody;
import org.kameng.server.storefront.StorefrontBodies.PlaceOrderBody;
import org.kameng.server.storefront.StorefrontBodies.RefreshBody;
import org.kameng.server.throttle.Throttle;

/**
 * The buyer's API of the shop named by the request's host. No account needed.
 *
 * <p>One instance serves every request (the request comes in as a parameter): a request-scoped
 * resource was built and had its nine fields injected for every call of the checkout.
 */
@Path("/public")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontResource {

  @Inject ShopHosts shops;
  @Inject Transactions transactions;
  @Inject PlaceOrder placeOrder;
  @Inject ShopPriceRules priceRules;
  @Inject OrderLookup lookup;
  @Inject Throttle throttle;
  @Inject PaymentStarter starter;
  @Inject PaymentReconciler reconciler;
  @Inject PaymentChannels paymentChannels;

  // Order lookups one address may make per minute; each looked-up order or email gets 10 whatever
  // this says, so a token or query password cannot be guessed at speed from many addresses either.
  @Inject
  @ConfigProperty(name = "kameng.lookup.per-minute", defaultValue = "20")
  int lookupsPerMinute;

  /** The shop's front page data. */
  public record ShopView(
      String name,
      String slug,
      boolean takingOrders,
      String currency,
      List<Channels.Choice> channels,
      List<StorefrontCatalog.ProductView> products) {}

  /**
   * What a buyer gets back when the order is placed; the token is shown this once. {@code
   * paymentId} is set when a channel was chosen with the order, and {@code payment} says what to do
   * next unless the channel failed to start: then {@code paymentProblem} says why, and the buyer
   * may pay the same order through another channel.
   */
  public record OrderPlaced(
      String token,
      long displayNumber,
      Money total,
      OffsetDateTime reservedUntil,
      UUID paymentId,
      PaymentStarter.OpenedPayment payment,
      String paymentProblem) {}

  /** An order's state after its pending payments were queried. */
  public record PaymentState(OrderStatus status) {}

  @GET
  @Path("/shop")
  @Operation(summary = "The shop at this host: name, payment channels and products on sale")
  public ShopView shop(@HeaderParam("Host") String host) {
    Shop shop = shops.require(host);
    ShopView view =
        transactions.inTenant(
            shop.tenant(),
            c ->
                new ShopView(
                    shop.name(),
                    shop.slug(),
                    shop.active(),
                    shop.currency(),
                    Channels.enabled(c),
                    StorefrontCatalog.products(c)));
    // A shop's configuration stays when the platform disables its plugin or withdraws it from the
    // shop; the buyer is shown only channels a payment can be started with.
    List<Channels.Choice> offered = paymentChannels.offeredOnly(view.channels(), shop.tenant());
    return new ShopView(
        view.name(), view.slug(), view.takingOrders(), view.currency(), offered, view.products());
  }

  @POST
  @Path("/orders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Place an order; card keys are reserved until the order is paid or expires")
  public Response placeOrder(
      @HeaderParam("Host") String host, PlaceOrderBody body, @Context HttpServletRequest request) {
    // The shop as read a moment ago is enough here: the order's own transaction reads the shop's
    // status again (ShopClosedException, 403), so a suspended shop takes no order from the moment
    // it is suspended, on every instance.
    Shop shop = shops.require(host);
    if (!shop.active()) {
      // A suspension read a moment ago may have been lifted on another instance since: a refusal
      // is worth a fresh read, which also drops the stale answer for the shop's pages.
      shop = shops.requireNow(host);
      if (!shop.active()) {
        throw new ForbiddenException("This shop is not taking orders.");
      }
    }
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    PlacedOrder placed =
        placeOrder.place(
            shop.tenant(),
            new OrderRequest(
                body.skuId(),
                body.quantity() == null ? 1 : body.quantity(),
                body.buyerEmail(),
                body.buyerContact(),
                body.queryPassword(),
                body.inputs(),
                body.couponCode()),
            body.channelId(),
            priceRules.forShop(shop.tenant()));
    PaymentStarter.OpenedPayment payment = null;
    String paymentProblem = null;
    if (placed.paymentId() != null) {
      try {
        payment =
            starter.begin(
                shop.tenant(), shop.name(), placed, body.channelId(), buyer(request, host));
      } catch (PluginFailureException e) {
        // The order exists and its token is shown only now: answer with it, and the problem.
        paymentProblem = e.getMessage();
      }
    }
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore())
        .entity(
            new OrderPlaced(
                placed.token(),
                placed.displayNumber(),
                placed.total(),
                placed.reservedUntil(),
                placed.paymentId(),
                payment,
                paymentProblem))
        .build();
  }

  @POST
  @Path("/orders/payment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a payment for an order through one of the shop's channels")
  public PaymentStarter.OpenedPayment pay(
      @HeaderParam("Host") String host, PayBody body, @Context HttpServletRequest request) {
    Shop shop = open(host);
    if (body == null || body.channelId() == null) {
      throw new BadRequestException("token and channelId are required.");
    }
    StartPayment.Started started =
        transactions.inTenant(
            shop.tenant(),
            c -> {
              UUID orderId =
                  OrderLookup.idOf(c, body.token())
                      .orElseThrow(() -> new NotFoundException("No such order."));
              return StartPayment.start(c, shop.tenant(), orderId, body.channelId());
            });
    return starter.begin(shop.tenant(), shop.name(), started, buyer(request, host));
  }

  @POST
  @Path("/orders/payment/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ask the payment providers about an order's pending payments now")
  public Response refresh(
      @HeaderParam("Host") String host, RefreshBody body, @Context HttpServletRequest request) {
    Shop shop = shops.require(host);
    if (body == null || body.token() == null) {
      throw new BadRequestException("token is required.");
    }
    // Each refresh queries providers: a few per minute per address and order are plenty.
    if (!throttle.allow(
        new Throttle.Budget("refresh-ip:" + request.getRemoteAddr(), 20),
        new Throttle.Budget("refresh-order:" + body.token(), 6))) {
      return Response.status(429).cacheControl(noStore()).build();
    }
    UUID orderId =
        transactions
            .inTenant(shop.tenant(), c -> OrderLookup.idOf(c, body.token()))
            .orElseThrow(() -> new NotFoundException("No such order."));
    reconciler.reconcileOrder(shop.tenant(), orderId);
    OrderStatus status =
        transactions.inTenant(
            shop.tenant(), c -> OrderQueries.detail(c, orderId).orElseThrow().order().status());
    return Response.ok(new PaymentState(status)).cacheControl(noStore()).build();
  }

  private static PaymentStarter.Buyer buyer(HttpServletRequest request, String host) {
    String agent = request.getHeader("User-Agent");
    return new PaymentStarter.Buyer(
        URI.create(request.getScheme() + "://" + host + "/"),
        Optional.ofNullable(request.getRemoteAddr()),
        Devices.of(agent));
  }

  @POST
  @Path("/orders/lookup")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An order by its token, or by email and query password; shows its keys")
  public Response lookup(
      @HeaderParam("Host") String host, LookupBody body, @Context HttpServletRequest request) {
    Shop shop = shops.require(host);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String subject = body.token() != null ? "t:" + body.token() : "e:" + body.email();
    // Per address, and per looked-up order or email, so neither can be guessed at speed.
    if (!throttle.allow(
        new Throttle.Budget("lookup-ip:" + request.getRemoteAddr(), lookupsPerMinute),
        new Throttle.Budget("lookup-subject:" + subject, 10))) {
      return Response.status(429).cacheControl(noStore()).build();
    }
    String ip = request.getRemoteAddr();
    var found =
        transactions.inTenant(
            shop.tenant(),
            c ->
                body.token() != null
                    ? lookup.byToken(c, shop.tenant(), body.token(), ip)
                    : lookup.byEmailAndPassword(
                        c, shop.tenant(), body.email(), body.queryPassword(), ip));
    return Response.ok(found.orElseThrow(() -> new NotFoundException("No such order.")))
        .cacheControl(noStore())
        .build();
  }

  private Shop open(String host) {
    Shop shop = shops.requireNow(host);
    if (!shop.active()) {
      throw new ForbiddenException("This shop is not taking orders.");
    }
    return shop;
  }

  private static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    cc.setNoCache(true);
    cc.setPrivate(true);
    return cc;
  }
}
