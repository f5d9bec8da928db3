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

  /** What a payment provider reported about one of the order's payments. */
  public record PaymentEvent(
      UUID paymentId, String outcome, Money amount, OffsetDateTime receivedAt) {}

  /**
   * A background job about the order (delivery, notification, upstream purchase, reseller
   * callback): its kind, state, attempts and the last error, cut short.
   */
  public record JobEntry(
      long id,
      String kind,
      String status,
      int attempts,
      int maxAttempts,
      String lastError,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** An order with its lines, payments, payment events and jobs. */
  public record OrderDetail(
      OrderSummary order,
      String buyerContact,
      List<String> lineSnapshots,
      List<PaymentSummary> payments,
      int deliveredKeys,
      List<PaymentEvent> paymentEvents,
      List<JobEntry> jobs) {}

  /** How many of an order's jobs the detail shows, newest last. */
  static final int JOBS_SHOWN = 100;

  // Errors are for staff to see what went wrong, not a log: a few lines are enough.
  private static final int ERROR_SHOWN = 300;

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
            summary,
            contact,
            lines(c, orderId),
            payments(c, orderId),
            deliveredKeys(c, orderId),
            paymentEvents(c, orderId),
            jobs(c, orderId)));
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

  private static List<PaymentEvent> paymentEvents(Connection c, UUID orderId) throws SQLException {
    List<PaymentEvent> events = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT e.payment_id, e.outcome, e.amount_minor, e.currency, e.received_at"
                + " FROM kameng.payment_event e JOIN kameng.payment p"
                + " ON p.tenant_id = e.tenant_id AND p.id = e.payment_id"
                + " WHERE p.order_id = ? ORDER BY e.received_at")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          events.add(
              new PaymentEvent(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  Money.of(rs.getLong(3), rs.getString(4)),
                  rs.getObject(5, OffsetDateTime.class)));
        }
      }
    }
    return events;
  }

  // The job table has no row-level security (the runner claims across tenants), so the tenant is
  // named here; the job_order index finds the order's jobs by the orderId their payload names.
  private static List<JobEntry> jobs(Connection c, UUID orderId) throws SQLException {
    List<JobEntry> jobs = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, kind, status, attempts, max_attempts, left(last_error, ?), created_at,"
                + " updated_at FROM (SELECT * FROM kameng.job"
                + " WHERE tenant_id = kameng.current_tenant() AND payload ->> 'orderId' = ?"
                + " ORDER BY id DESC LIMIT ?) newest ORDER BY id")) {
      select.setInt(1, ERROR_SHOWN);
      select.setString(2, orderId.toString());
      select.setInt(3, JOBS_SHOWN);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          jobs.add(
              new JobEntry(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  rs.getObject(8, OffsetDateTime.class)));
        }
      }
    }
    return jobs;
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
