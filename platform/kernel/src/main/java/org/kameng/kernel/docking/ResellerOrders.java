package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.order.OrderLookup;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * A downstream reseller's orders as it may see them: only its own, found by order id or by its
 * request id, with the card keys (and manual deliveries) once delivered. Every reveal is audited.
 */
public final class ResellerOrders {

  private final OrderLookup lookup;

  public ResellerOrders(OrderLookup lookup) {
    this.lookup = lookup;
  }

  /** An order of the reseller's, as the API shows it. */
  public record ResellerOrder(
      UUID orderId,
      String requestId,
      long displayNumber,
      OrderStatus status,
      Money total,
      OffsetDateTime createdAt,
      List<String> keys,
      List<String> manualDeliveries) {}

  /** The reseller's order with this id, if it is the reseller's. */
  public Optional<ResellerOrder> byOrderId(
      Connection c, TenantId tenant, UUID resellerId, UUID orderId, String ip) throws SQLException {
    return find(c, tenant, resellerId, "order_id = ?", orderId, ip);
  }

  /** The reseller's order placed with this request id, if any. */
  public Optional<ResellerOrder> byRequestId(
      Connection c, TenantId tenant, UUID resellerId, String requestId, String ip)
      throws SQLException {
    if (requestId == null || requestId.length() > 64) {
      return Optional.empty();
    }
    return find(c, tenant, resellerId, "request_id = ?", requestId, ip);
  }

  private Optional<ResellerOrder> find(
      Connection c, TenantId tenant, UUID resellerId, String where, Object value, String ip)
      throws SQLException {
    UUID orderId;
    String requestId;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT order_id, request_id FROM kameng.reseller_order WHERE reseller_id = ? AND "
                + where)) {
      select.setObject(1, resellerId);
      select.setObject(2, value);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        orderId = rs.getObject(1, UUID.class);
        requestId = rs.getString(2);
      }
    }
    return lookup
        .byId(c, tenant, orderId, ip)
        .map(
            o ->
                new ResellerOrder(
                    o.id(),
                    requestId,
                    o.displayNumber(),
                    o.status(),
                    o.total(),
                    o.createdAt(),
                    o.keys(),
                    o.manualDeliveries()));
  }
}
