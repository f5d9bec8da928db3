package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/**
 * Uses of limited promotions (coupon codes), taken in the order's own transaction. The counter row
 * is incremented only while it is under the limit, in one conditional statement: concurrent orders
 * queue on its row lock, and each sees the count its predecessors committed, so a promotion with n
 * uses gives exactly n orders its discount. The per-buyer count is read while holding that lock.
 */
public final class PromotionUses {

  private PromotionUses() {}

  /**
   * Takes one use for an order.
   *
   * @param limitKey what is counted, already scoped to the plugin
   * @param maxUses the total limit, 0 for none
   * @param maxPerBuyer the limit per buyer, 0 for none
   * @throws InvalidPromotionException naming {@code couponCode} if a limit is reached; the caller's
   *     transaction must then roll back
   */
  public static void take(
      Connection c,
      TenantId tenant,
      UUID orderId,
      String limitKey,
      String code,
      String buyerKey,
      long maxUses,
      long maxPerBuyer)
      throws SQLException {
    try (PreparedStatement create =
        c.prepareStatement(
            "INSERT INTO kameng.promotion_counter (tenant_id, limit_key) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      create.setObject(1, tenant.value());
      create.setString(2, limitKey);
      create.executeUpdate();
    }
    try (PreparedStatement count =
        c.prepareStatement(
            "UPDATE kameng.promotion_counter SET uses = uses + 1"
                + " WHERE limit_key = ? AND (? = 0 OR uses < ?)")) {
      count.setString(1, limitKey);
      count.setLong(2, maxUses);
      count.setLong(3, maxUses);
      if (count.executeUpdate() != 1) {
        throw new InvalidPromotionException("couponCode", "this code has been used up", false);
      }
    }
    if (maxPerBuyer > 0) {
      try (PreparedStatement mine =
          c.prepareStatement(
              "SELECT count(*) FROM kameng.promotion_use"
                  + " WHERE limit_key = ? AND buyer_key = ? AND released_at IS NULL")) {
        mine.setString(1, limitKey);
        mine.setString(2, buyerKey);
        try (ResultSet rs = mine.executeQuery()) {
          rs.next();
          if (rs.getLong(1) >= maxPerBuyer) {
            throw new InvalidPromotionException(
                "couponCode", "you have already used this code as often as it allows", false);
          }
        }
      }
    }
    try (PreparedStatement use =
        c.prepareStatement(
            "INSERT INTO kameng.promotion_use (tenant_id, order_id, limit_key, code, buyer_key)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      use.setObject(1, tenant.value());
      use.setObject(2, orderId);
      use.setString(3, limitKey);
      use.setString(4, code);
      use.setString(5, buyerKey);
      if (use.executeUpdate() != 1) {
        // One use per promotion per order: a second proposal for the same limit counts once.
        try (PreparedStatement undo =
            c.prepareStatement(
                "UPDATE kameng.promotion_counter SET uses = uses - 1 WHERE limit_key = ?")) {
          undo.setString(1, limitKey);
          undo.executeUpdate();
        }
      }
    }
  }

  /**
   * Gives back the uses an order took, when it ends unpaid (expired or cancelled), so an abandoned
   * checkout does not burn a coupon. The uses are kept, marked released, for {@link #retake}.
   * Idempotent: a second call finds nothing to give back.
   */
  public static void release(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement release =
        c.prepareStatement(
            "WITH gone AS (UPDATE kameng.promotion_use SET released_at = now()"
                + " WHERE order_id = ? AND released_at IS NULL"
                + " RETURNING tenant_id, limit_key)"
                + " UPDATE kameng.promotion_counter p SET uses = p.uses - 1 FROM gone"
                + " WHERE p.tenant_id = gone.tenant_id AND p.limit_key = gone.limit_key")) {
      release.setObject(1, orderId);
      release.executeUpdate();
    }
  }

  /**
   * Takes again the uses an order gave back, when it is paid after all (a late payment that
   * re-reserved its keys): the buyer paid the discounted price, so the use is counted, even past
   * the promotion's limit if others took the freed use meanwhile. Refusing would mean refusing
   * money already received for a price the shop offered. Idempotent.
   *
   * @return how many uses were taken again
   */
  public static int retake(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement retake =
        c.prepareStatement(
            "WITH back AS (UPDATE kameng.promotion_use SET released_at = NULL"
                + " WHERE order_id = ? AND released_at IS NOT NULL"
                + " RETURNING tenant_id, limit_key)"
                + " UPDATE kameng.promotion_counter p SET uses = p.uses + 1 FROM back"
                + " WHERE p.tenant_id = back.tenant_id AND p.limit_key = back.limit_key")) {
      retake.setObject(1, orderId);
      return retake.executeUpdate();
    }
  }

  /** How many uses a promotion has; for the admin and tests. */
  public static long uses(Connection c, String limitKey) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT uses FROM kameng.promotion_counter WHERE limit_key = ?")) {
      select.setString(1, limitKey);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
