package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.kameng.plugin.api.Money;

/**
 * What a shop's staff look at first: sales, orders that need a person, failed payments. Read in the
 * shop's own transaction (row-level security scopes every count to the shop).
 *
 * <p>"Sales" are orders the buyer paid for, counted on the day of payment in the reader's time zone
 * (a shop in Shanghai closes its day at Shanghai midnight, not at UTC midnight).
 */
public final class ShopDashboard {

  private ShopDashboard() {}

  /** Paid orders and their totals in one period, one entry per currency. */
  public record Sales(long orders, List<Money> totals) {}

  /** One day of the sales chart. */
  public record Day(LocalDate day, long orders, List<Money> totals) {}

  /** An order a person has to act on. */
  public record NeedsAction(OrderQueries.OrderSummary order, String reason) {}

  /** The dashboard. */
  public record Figures(
      Sales today,
      Sales thisMonth,
      List<Day> lastDays,
      long awaitingDelivery,
      long failedPaymentsToday,
      long paidUndeliverable,
      List<NeedsAction> needsAction) {}

  private static final int CHART_DAYS = 14;

  /**
   * The figures of the tenant whose transaction {@code c} is in, at {@code now} in {@code zone}.
   */
  public static Figures read(Connection c, ZonedDateTime now) throws SQLException {
    ZoneId zone = now.getZone();
    ZonedDateTime dayStart = now.toLocalDate().atStartOfDay(zone);
    ZonedDateTime monthStart = now.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
    ZonedDateTime chartStart = dayStart.minusDays(CHART_DAYS - 1L);
    List<Day> days = days(c, chartStart.isBefore(monthStart) ? chartStart : monthStart, zone);
    return new Figures(
        sum(days, dayStart.toLocalDate()),
        sum(days, monthStart.toLocalDate()),
        chart(days, chartStart.toLocalDate(), now.toLocalDate()),
        count(
            c,
            "SELECT count(*) FROM kameng.customer_order"
                + " WHERE status IN ('PAID', 'DELIVERING', 'PARTIALLY_DELIVERED')",
            null),
        count(
            c,
            "SELECT count(*) FROM kameng.payment WHERE status = 'FAILED' AND updated_at >= ?",
            dayStart.toOffsetDateTime()),
        count(
            c,
            "SELECT count(*) FROM kameng.customer_order WHERE status = 'PAID_UNDELIVERABLE'",
            null),
        needsAction(c));
  }

  // One row per day and currency since `from`; the periods are sums over these rows, so the
  // dashboard costs one scan of the month's paid orders (paid_at is set once, on payment).
  private static List<Day> days(Connection c, ZonedDateTime from, ZoneId zone) throws SQLException {
    List<Day> rows = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            """
            SELECT (paid_at AT TIME ZONE ?)::date AS day, currency, count(*), sum(total_minor)
              FROM kameng.customer_order
             WHERE paid_at >= ? AND status NOT IN ('REFUNDED')
             GROUP BY 1, 2 ORDER BY 1, 2
            """)) {
      select.setString(1, zone.getId());
      select.setObject(2, from.toOffsetDateTime());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Day(
                  rs.getObject(1, LocalDate.class),
                  rs.getLong(3),
                  List.of(new Money(rs.getLong(4), rs.getString(2)))));
        }
      }
    }
    return rows;
  }

  private static Sales sum(List<Day> rows, LocalDate from) {
    long orders = 0;
    List<Money> totals = new ArrayList<>();
    for (Day row : rows) {
      if (!row.day().isBefore(from)) {
        orders += row.orders();
        for (Money money : row.totals()) {
          add(totals, money);
        }
      }
    }
    return new Sales(orders, totals);
  }

  private static List<Day> chart(List<Day> rows, LocalDate from, LocalDate to) {
    List<Day> chart = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      long orders = 0;
      List<Money> totals = new ArrayList<>();
      for (Day row : rows) {
        if (row.day().equals(day)) {
          orders += row.orders();
          row.totals().forEach(money -> add(totals, money));
        }
      }
      chart.add(new Day(day, orders, totals));
    }
    return chart;
  }

  private static void add(List<Money> totals, Money money) {
    for (int i = 0; i < totals.size(); i++) {
      if (totals.get(i).currency().equals(money.currency())) {
        totals.set(i, new Money(totals.get(i).minorUnits() + money.minorUnits(), money.currency()));
        return;
      }
    }
    totals.add(money);
  }

  private static List<NeedsAction> needsAction(Connection c) throws SQLException {
    List<NeedsAction> orders = new ArrayList<>();
    try (PreparedStatement select =
            c.prepareStatement(
                """
            SELECT id, display_number, status, total_minor, currency, buyer_email, created_at
              FROM kameng.customer_order
             WHERE status IN ('PAID_UNDELIVERABLE', 'PAID', 'PARTIALLY_DELIVERED')
             ORDER BY created_at LIMIT 20
            """);
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        OrderQueries.OrderSummary order = OrderQueries.summary(rs);
        orders.add(
            new NeedsAction(
                order,
                order.status() == OrderStatus.PAID_UNDELIVERABLE
                    ? "UNDELIVERABLE"
                    : "AWAITING_DELIVERY"));
      }
    }
    return orders;
  }

  private static long count(Connection c, String sql, OffsetDateTime since) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      if (since != null) {
        select.setObject(1, since);
      }
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
