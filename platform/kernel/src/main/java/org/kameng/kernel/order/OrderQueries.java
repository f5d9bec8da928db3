package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/** The shop staff's view of orders: search and detail. Card keys are never part of it. */
public final class OrderQueries {

  private OrderQueries() {}

  /** One order in a list. */
  public record OrderSummary(
      UUID id,
      long displayNumber,
      OrderStatus status,
      Money total,
      String buyerEmail,
      OffsetDateTime createdAt) {}

  /** A payment attempt of an order. */
  public record PaymentSummary(UUID id, String channel, Money amount, String status) {}

  /** An order with its lines and payments. */
  public record OrderDetail(
      OrderSummary order,
      String buyerContact,
      List<String> lineSnapshots,
      List<PaymentSummary> payments,
      int deliveredKeys) {}

  /** The newest orders, optionally only those in {@code status}. */
  public static List<OrderSummary> recent(Connection c, OrderStatus status, int limit)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, display_number, status, total_minor, currency, buyer_email, created_at"
                + " FROM kameng.customer_order WHERE (?::text IS NULL OR status = ?::text)"
                + " ORDER BY created_at DESC LIMIT ?")) {
      String filter = status == null ? null : status.name();
      select.setString(1, filter);
      select.setString(2, filter);
      select.setInt(3, Math.max(1, Math.min(limit, 200)));
      List<OrderSummary> orders = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          orders.add(summary(rs));
        }
      }
      return orders;
    }
  }

  /** One order's detail, if it is the current tenant's. */
  public static Optional<OrderDetail> detail(Connection c, UUID orderId) throws SQLException {
    OrderSummary summary;
    String contact;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, display_number, status, total_minor, currency, buyer_email, created_at,"
                + " buyer_contact FROM kameng.customer_order WHERE id = ?")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        summary = summary(rs);
        contact = rs.getString(8);
      }
    }
    return Optional.of(
        new OrderDetail(
            summary, contact, lines(c, orderId), payments(c, orderId), deliveredKeys(c, orderId)));
  }

  static OrderSummary summary(ResultSet rs) throws SQLException {
    return new OrderSummary(
        rs.getObject(1, UUID.class),
        rs.getLong(2),
        OrderStatus.valueOf(rs.getString(3)),
        Money.of(rs.getLong(4), rs.getString(5)),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class));
  }

  private static List<String> lines(Connection c, UUID orderId) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT price_snapshot::text FROM kameng.order_line WHERE order_id = ?"
                + " ORDER BY line_number")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
    }
    return lines;
  }

  private static List<PaymentSummary> payments(Connection c, UUID orderId) throws SQLException {
    List<PaymentSummary> payments = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.id, cc.channel, p.amount_minor, p.currency, p.status FROM kameng.payment p"
                + " JOIN kameng.channel_config cc"
                + " ON cc.tenant_id = p.tenant_id AND cc.id = p.channel_config_id"
                + " WHERE p.order_id = ? ORDER BY p.created_at")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          payments.add(
              new PaymentSummary(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  Money.of(rs.getLong(3), rs.getString(4)),
                  rs.getString(5)));
        }
      }
    }
    return payments;
  }

  private static int deliveredKeys(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT count(*) FROM kameng.order_key WHERE order_id = ?")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
