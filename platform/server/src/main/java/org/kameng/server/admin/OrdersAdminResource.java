package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.fulfilment.DeliverManually;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.order.CancelOrder;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.OrderQueries;
import org.kameng.kernel.order.OrderSearch;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.payment.ChannelConfigs;
import org.kameng.kernel.payment.ConfirmManualPayment;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.ProviderRefundRefusedException;
import org.kameng.kernel.payment.ProviderRefunds;
import org.kameng.kernel.payment.Refunds;
import org.kameng.kernel.tenancy.Transactions;

/** A shop's orders, for its owner and staff. */
@Path("/shops/{slug}/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OrdersAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DeliverManually deliverManually;
  @Inject org.kameng.server.plugins.PaymentChannels channels;

  @PathParam("slug")
  String slug;

  @GET
  @Operation(
      summary =
          "The shop's newest orders, searched: state; q, an order number or part of the buyer's"
              + " email; placed from/before (ISO-8601 instants); productId")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<OrderQueries.OrderSummary> list(
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("q") String q,
      @QueryParam("from") String from,
      @QueryParam("before") String before,
      @QueryParam("productId") String productId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    OrderSearch search =
        new OrderSearch(
            parseStatus(status),
            q,
            instant("from", from),
            instant("before", before),
            uuid("productId", productId));
    return transactions.inTenant(member.tenant(), c -> search.run(c, limit == null ? 50 : limit));
  }

  private static OffsetDateTime instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidOrderException(
          field, "an ISO-8601 time with offset, e.g. 2026-11-22T00:00:00+08:00");
    }
  }

  private static UUID uuid(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidOrderException(field, "not an id");
    }
  }

  @GET
  @Path("/{orderId}")
  @Operation(
      summary = "One order with its lines, payments, payment events and jobs (never its card keys)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public OrderQueries.OrderDetail detail(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions
        .inTenant(member.tenant(), c -> OrderQueries.detail(c, orderId))
        .orElseThrow(() -> new NotFoundException("No such order."));
  }

  @POST
  @Path("/{orderId}/payments/{paymentId}/confirm")
  @Operation(summary = "Confirm that the buyer paid through the manual channel")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public NoticeResult confirm(
      @PathParam("orderId") UUID orderId, @PathParam("paymentId") UUID paymentId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions.inTenant(
        member.tenant(),
        c -> {
          OrderQueries.OrderDetail order =
              OrderQueries.detail(c, orderId)
                  .orElseThrow(() -> new NotFoundException("No such order."));
          boolean ofThisOrder = order.payments().stream().anyMatch(p -> p.id().equals(paymentId));
          if (!ofThisOrder) {
            throw new NotFoundException("No such payment for this order.");
          }
          return ConfirmManualPayment.confirm(c, member.tenant(), paymentId, member.username());
        });
  }

  /** What staff hand over for an order's manual lines. */
  public record ManualDelivery(String delivery) {}

  /** Why an order is to be refunded. */
  public record RefundFlag(String reason) {}

  /** Whether an action changed the order, and its state afterwards. */
  public record ActionResult(boolean changed, OrderStatus status) {}

  @POST
  @Path("/{orderId}/cancel")
  @Operation(summary = "Cancel an unpaid order; its reserved keys return to stock")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public ActionResult cancel(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return act(
        member, orderId, c -> CancelOrder.cancel(c, member.tenant(), orderId, member.username()));
  }

  @POST
  @Path("/{orderId}/deliver")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Deliver an order's manual lines with what staff handed over")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public ActionResult deliver(@PathParam("orderId") UUID orderId, ManualDelivery body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    String text = body == null ? null : body.delivery();
    return act(
        member,
        orderId,
        c -> deliverManually.deliver(c, member.tenant(), orderId, text, member.username()));
  }

  @POST
  @Path("/{orderId}/refund")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Flag a paid order for refund, with the reason")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public ActionResult flagRefund(@PathParam("orderId") UUID orderId, RefundFlag body) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    String reason = body == null ? null : body.reason();
    return act(
        member, orderId, c -> Refunds.flag(c, member.tenant(), orderId, reason, member.username()));
  }

  @POST
  @Path("/{orderId}/refunded")
  @Operation(summary = "Record that a flagged order's money was returned to the buyer")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public ActionResult refunded(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return act(
        member, orderId, c -> Refunds.markRefunded(c, member.tenant(), orderId, member.username()));
  }

  @POST
  @Path("/{orderId}/notifications/resend")
  @Operation(
      summary =
          "Queue the order's notification again (a delivered order's ORDER_DELIVERED, a paid but"
              + " undeliverable order's PAID_UNDELIVERABLE) to the shop's notifiers; audited")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Notifications.Resend resendNotification(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions.inTenant(
        member.tenant(),
        c -> {
          if (OrderQueries.detail(c, orderId).isEmpty()) {
            throw new NotFoundException("No such order.");
          }
          return Notifications.resend(c, member.tenant(), orderId, member.username());
        });
  }

  /**
   * A refund through the provider, queued.
   *
   * @param orderId the order
   * @param status the order's status now (still {@code REFUND_PENDING} until the provider paid)
   * @param detail what happens next
   */
  public record ProviderRefundQueued(UUID orderId, OrderStatus status, String detail) {}

  @POST
  @Path("/{orderId}/refund-through-provider")
  @Operation(
      summary =
          "Pay a flagged order back through its payment channel, from the job queue (409 when the"
              + " channel cannot: refund by hand, then record it with /refunded)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public jakarta.ws.rs.core.Response refundThroughProvider(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    transactions.inTenant(
        member.tenant(),
        c -> {
          if (OrderQueries.detail(c, orderId).isEmpty()) {
            throw new NotFoundException("No such order.");
          }
          ProviderRefunds.Target target = ProviderRefunds.target(c, orderId);
          String channel =
              ChannelConfigs.find(c, target.channelConfigId())
                  .map(ChannelConfigs.ChannelSettings::channel)
                  .orElse(ConfirmManualPayment.CHANNEL);
          if (!channels.canRefund(channel)) {
            throw new ProviderRefundRefusedException(
                "The payment channel "
                    + channel
                    + " cannot refund through the provider; refund by hand, then record it with"
                    + " POST .../refunded.");
          }
          ProviderRefunds.request(c, member.tenant(), target, member.username());
          return null;
        });
    return jakarta.ws.rs.core.Response.accepted(
            new ProviderRefundQueued(
                orderId,
                OrderStatus.REFUND_PENDING,
                "Queued: the order becomes REFUNDED when the provider has paid back; a refusal is"
                    + " in the shop's audit log (order.provider-refund.refused)."))
        .build();
  }

  private interface OrderAction {
    boolean run(java.sql.Connection c) throws java.sql.SQLException;
  }

  private ActionResult act(ShopAccess.Member member, UUID orderId, OrderAction action) {
    return transactions.inTenant(
        member.tenant(),
        c -> {
          if (OrderQueries.detail(c, orderId).isEmpty()) {
            throw new NotFoundException("No such order.");
          }
          boolean changed = action.run(c);
          return new ActionResult(
              changed, OrderQueries.detail(c, orderId).orElseThrow().order().status());
        });
  }

  private static OrderStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return OrderStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Unknown order status: " + status);
    }
  }
}
