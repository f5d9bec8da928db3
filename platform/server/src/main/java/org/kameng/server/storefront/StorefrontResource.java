package org.kameng.server.storefront;

import jakarta.enterprise.context.RequestScoped;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.catalog.StorefrontCatalog;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.StartPayment;
import org.kameng.kernel.payment.Channels;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.server.storefront.StorefrontBodies.LookupBody;
import org.kameng.server.storefront.StorefrontBodies.PayBody;
import org.kameng.server.storefront.StorefrontBodies.PlaceOrderBody;
import org.kameng.server.throttle.Throttle;

/** The buyer's API of the shop named by the request's host. No account needed. */
@Path("/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StorefrontResource {

  @Inject ShopHosts shops;
  @Inject Transactions transactions;
  @Inject PlaceOrder placeOrder;
  @Inject OrderLookup lookup;
  @Inject Throttle throttle;

  @Context HttpServletRequest request;

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
   * paymentId} is set when a channel was chosen with the order.
   */
  public record OrderPlaced(
      String token,
      long displayNumber,
      Money total,
      OffsetDateTime reservedUntil,
      UUID paymentId) {}

  /** A payment opened; the manual channel tells the buyer how to pay the shop. */
  public record PaymentOpened(UUID paymentId, String channel, Money amount) {}

  @GET
  @Path("/shop")
  @Operation(summary = "The shop at this host: name, payment channels and products on sale")
  public ShopView shop(@HeaderParam("Host") String host) {
    Shop shop = shops.require(host);
    return transactions.inTenant(
        shop.tenant(),
        c ->
            new ShopView(
                shop.name(),
                shop.slug(),
                shop.active(),
                shop.currency(),
                Channels.enabled(c),
                StorefrontCatalog.products(c)));
  }

  @POST
  @Path("/orders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Place an order; card keys are reserved until the order is paid or expires")
  public Response placeOrder(@HeaderParam("Host") String host, PlaceOrderBody body) {
    Shop shop = open(host);
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
                body.inputs()),
            body.channelId());
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore())
        .entity(
            new OrderPlaced(
                placed.token(),
                placed.displayNumber(),
                placed.total(),
                placed.reservedUntil(),
                placed.paymentId()))
        .build();
  }

  @POST
  @Path("/orders/payment")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a payment for an order through one of the shop's channels")
  public PaymentOpened pay(@HeaderParam("Host") String host, PayBody body) {
    Shop shop = open(host);
    if (body == null || body.channelId() == null) {
      throw new BadRequestException("token and channelId are required.");
    }
    return transactions.inTenant(
        shop.tenant(),
        c -> {
          UUID orderId =
              OrderLookup.idOf(c, body.token())
                  .orElseThrow(() -> new NotFoundException("No such order."));
          StartPayment.Started started =
              StartPayment.start(c, shop.tenant(), orderId, body.channelId());
          return new PaymentOpened(started.paymentId(), started.channel(), started.amount());
        });
  }

  @POST
  @Path("/orders/lookup")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "An order by its token, or by email and query password; shows its keys")
  public Response lookup(@HeaderParam("Host") String host, LookupBody body) {
    Shop shop = shops.require(host);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String subject = body.token() != null ? "t:" + body.token() : "e:" + body.email();
    // Per address, and per looked-up order or email, so neither can be guessed at speed.
    if (!throttle.allow(
        new Throttle.Budget("lookup-ip:" + request.getRemoteAddr(), 20),
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
    Shop shop = shops.require(host);
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
