package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What staff look for in a shop's orders: a state, an order number or part of the buyer's email, a
 * time window of placing, a product. Every part is optional; the newest orders come first.
 *
 * @param status only orders in this state
 * @param text an order number (digits only) or a part of the buyer's email, case-insensitive
 * @param placedFrom placed at or after
 * @param placedBefore placed before
 * @param productId with a line of one of this product's SKUs
 */
public record OrderSearch(
    OrderStatus status,
    String text,
    OffsetDateTime placedFrom,
    OffsetDateTime placedBefore,
    UUID productId) {

  /** The most orders one search returns. */
  public static final int MAX_RESULTS = 200;

  private static final String SQL =
      """
      SELECT id, display_number, status, total_minor, currency, buyer_email, created_at
        FROM kameng.customer_order o
       WHERE (?::text IS NULL OR o.status = ?::text)
         AND (?::bigint IS NULL OR o.display_number = ?::bigint)
         AND (?::text IS NULL OR lower(o.buyer_email) LIKE ?::text ESCAPE '\\')
         AND (?::timestamptz IS NULL OR o.created_at >= ?::timestamptz)
         AND (?::timestamptz IS NULL OR o.created_at < ?::timestamptz)
         AND (?::uuid IS NULL OR EXISTS (
               SELECT 1 FROM kameng.order_line l
                 JOIN kameng.sku s ON s.tenant_id = l.tenant_id AND s.id = l.sku_id
                WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND s.product_id = ?::uuid))
       ORDER BY o.created_at DESC
       LIMIT ?
      """;

  /** The matching orders of the tenant whose transaction {@code c} is in, newest first. */
  public List<OrderQueries.OrderSummary> run(Connection c, int limit) throws SQLException {
    String needle = text == null || text.isBlank() ? null : text.strip().replaceFirst("^#", "");
    Long number = needle != null && needle.matches("\\d{1,18}") ? Long.valueOf(needle) : null;
    // A number is looked up as an order number; anything else in the email, as typed (no
    // wildcards of its own: % and _ match themselves).
    String email = needle == null || number != null ? null : "%" + escapeLike(needle) + "%";
    try (PreparedStatement select = c.prepareStatement(SQL)) {
      String state = status == null ? null : status.name();
      select.setString(1, state);
      select.setString(2, state);
      select.setObject(3, number);
      select.setObject(4, number);
      select.setString(5, email);
      select.setString(6, email == null ? null : email.toLowerCase(java.util.Locale.ROOT));
      select.setObject(7, placedFrom);
      select.setObject(8, placedFrom);
      select.setObject(9, placedBefore);
      select.setObject(10, placedBefore);
      select.setObject(11, productId);
      select.setObject(12, productId);
      select.setInt(13, Math.max(1, Math.min(limit, MAX_RESULTS)));
      List<OrderQueries.OrderSummary> orders = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          orders.add(OrderQueries.summary(rs));
        }
      }
      return orders;
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
