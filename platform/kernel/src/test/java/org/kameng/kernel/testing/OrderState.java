package org.kameng.kernel.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Everything a notify could change about one order, read in one go, so a test can assert that a
 * rejected notify changed nothing at all.
 */
public record OrderState(
    String orderStatus,
    String paymentStatus,
    int paymentEvents,
    int jobs,
    int ledgerEntries,
    int reservedKeys,
    int soldKeys,
    int deliveredKeys) {

  /** Reads the state of {@code orderId} (and its payment) in the current tenant transaction. */
  public static OrderState read(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            """
            SELECT o.status,
                   (SELECT string_agg(p.status, ',' ORDER BY p.created_at)
                      FROM kameng.payment p WHERE p.order_id = o.id),
                   (SELECT count(*) FROM kameng.payment_event e
                      JOIN kameng.payment p ON p.tenant_id = e.tenant_id AND p.id = e.payment_id
                     WHERE p.order_id = o.id),
                   (SELECT count(*) FROM kameng.job j
                     WHERE j.tenant_id = o.tenant_id AND j.payload ->> 'orderId' = o.id::text),
                   (SELECT count(*) FROM kameng.ledger_entry l WHERE l.order_id = o.id),
                   (SELECT count(*) FROM kameng.card_key k
                     WHERE k.order_id = o.id AND k.status = 'RESERVED'),
                   (SELECT count(*) FROM kameng.card_key k
                     WHERE k.order_id = o.id AND k.status = 'SOLD'),
                   (SELECT count(*) FROM kameng.order_key ok WHERE ok.order_id = o.id)
              FROM kameng.customer_order o WHERE o.id = ?
            """)) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no order " + orderId);
        }
        return new OrderState(
            rs.getString(1),
            rs.getString(2),
            rs.getInt(3),
            rs.getInt(4),
            rs.getInt(5),
            rs.getInt(6),
            rs.getInt(7),
            rs.getInt(8));
      }
    }
  }
}
