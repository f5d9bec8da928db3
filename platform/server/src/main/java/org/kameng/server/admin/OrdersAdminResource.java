package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.order.OrderQueries;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.payment.ConfirmManualPayment;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.tenancy.Transactions;

/** A shop's orders, for its owner and staff. */
@Path("/shops/{slug}/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class OrdersAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @GET
  @Operation(summary = "The shop's newest orders, optionally in one state")
  public List<OrderQueries.OrderSummary> list(
      @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    OrderStatus filter = parseStatus(status);
    return transactions.inTenant(
        member.tenant(), c -> OrderQueries.recent(c, filter, limit == null ? 50 : limit));
  }

  @GET
  @Path("/{orderId}")
  @Operation(summary = "One order with its lines and payments (never its card keys)")
  public OrderQueries.OrderDetail detail(@PathParam("orderId") UUID orderId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return transactions
        .inTenant(member.tenant(), c -> OrderQueries.detail(c, orderId))
        .orElseThrow(() -> new NotFoundException("No such order."));
  }

  @POST
  @Path("/{orderId}/payments/{paymentId}/confirm")
  @Operation(summary = "Confirm that the buyer paid through the manual channel")
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
