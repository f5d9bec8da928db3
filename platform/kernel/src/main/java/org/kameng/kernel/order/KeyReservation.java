package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Card keys held for an order. A claim takes the oldest available keys of a SKU that no other
 * transaction is claiming right now ({@code FOR UPDATE SKIP LOCKED}) and marks them in the same
 * statement, so two buyers can never hold the same key and no buyer waits on another's lock.
 */
public final class KeyReservation {

  private KeyReservation() {}

  // The candidates are picked in a CTE, which PostgreSQL runs exactly once. The common form
  // "UPDATE ... WHERE id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)" may re-run the
  // sub-select while updating and then reserves far more than n keys (LastKeysRaceTest saw it
  // take the whole stock for one order). Oldest is (created_at, id): only the partial index
  // card_key_claim yields that order, so the claim never walks the shop's sold keys by id (V29).
  //
  // The quantity is written into the statement, not bound: with "LIMIT ?" PostgreSQL's generic
  // plan assumes a tenth of the SKU's rows and always looks dearer than a plan for the value at
  // hand, so the server planned the claim afresh on every order. With a literal it keeps one plan
  // per quantity after five runs. The quantity is an int, so nothing of the buyer's reaches the
  // SQL text; the common quantities' statements are made once.
  private static final String CLAIM_START =
      "WITH picked AS ("
          + "   SELECT id FROM kameng.card_key"
          + "    WHERE tenant_id = kameng.current_tenant() AND sku_id = ?"
          + "      AND status = 'AVAILABLE'"
          + "    ORDER BY created_at, id LIMIT ";
  private static final String CLAIM_END =
      " FOR UPDATE SKIP LOCKED)"
          + " UPDATE kameng.card_key k"
          + "    SET status = 'RESERVED', order_id = ?, reserved_until = ?"
          + "   FROM picked"
          + "  WHERE k.tenant_id = kameng.current_tenant() AND k.id = picked.id"
          + " RETURNING k.id";
  private static final String[] COMMON_CLAIMS = new String[17];

  static {
    for (int quantity = 1; quantity < COMMON_CLAIMS.length; quantity++) {
      COMMON_CLAIMS[quantity] = CLAIM_START + quantity + CLAIM_END;
    }
  }

  /** The claim of {@code quantity} keys: parameters SKU, order, reserved until. */
  static String claimSql(int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("a claim takes at least one key");
    }
    return quantity < COMMON_CLAIMS.length
        ? COMMON_CLAIMS[quantity]
        : CLAIM_START + quantity + CLAIM_END;
  }

  /** Reserves up to {@code quantity} keys for the order; returns the ids it got (maybe fewer). */
  public static List<Long> claim(
      Connection c, UUID skuId, int quantity, UUID orderId, OffsetDateTime until)
      throws SQLException {
    try (PreparedStatement claim = c.prepareStatement(claimSql(quantity))) {
      claim.setObject(1, skuId);
      claim.setObject(2, orderId);
      claim.setTimestamp(3, Timestamp.from(until.toInstant()));
      List<Long> ids = new ArrayList<>(quantity);
      try (ResultSet rs = claim.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  /**
   * Available keys of a SKU as this transaction sees them, including ones other transactions are
   * claiming right now. Tells "sold out" apart from "contended, try again".
   */
  public static int available(Connection c, UUID skuId) throws SQLException {
    try (PreparedStatement count =
        c.prepareStatement(
            "SELECT count(*) FROM kameng.card_key WHERE sku_id = ? AND status = 'AVAILABLE'")) {
      count.setObject(1, skuId);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Returns an order's reserved (not yet sold) keys to stock. */
  public static int release(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement release =
        c.prepareStatement(
            "UPDATE kameng.card_key SET status = 'AVAILABLE', order_id = NULL,"
                + " reserved_until = NULL WHERE order_id = ? AND status = 'RESERVED'")) {
      release.setObject(1, orderId);
      return release.executeUpdate();
    }
  }
}
