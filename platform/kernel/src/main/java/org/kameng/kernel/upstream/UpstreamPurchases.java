package org.kameng.kernel.upstream;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The upstream purchases of paid order lines, as rows: written in the paying transaction, read and
 * moved by {@link PurchaseUpstream}. A purchase is keyed by its order line, which is also the
 * idempotency key sent upstream, so a line is bought once however often its job runs.
 */
public final class UpstreamPurchases {

  /** Job kind that places, follows and completes one line's upstream purchase. */
  public static final String JOB = "upstream.purchase";

  private static final Pattern ORDER_ID =
      Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern LINE = Pattern.compile("\"line\"\\s*:\\s*([0-9]{1,6})");

  private UpstreamPurchases() {}

  /** Where a purchase stands. PLACED: an order may exist upstream, so ask before placing. */
  public enum Status {
    QUEUED,
    PLACED,
    DELIVERED,
    FAILED
  }

  /**
   * One line's purchase.
   *
   * @param supplierConfigId null when the SKU had no link when the order was paid
   * @param maxUnitPrice the upstream cost recorded on the link: the most paid per unit, and the
   *     cost booked; null with no link
   */
  public record Purchase(
      UUID orderId,
      int line,
      UUID skuId,
      UUID supplierConfigId,
      String upstreamItemId,
      int quantity,
      Money maxUnitPrice,
      Status status,
      Optional<String> upstreamOrderId,
      int polls,
      Map<String, String> buyerInputs) {

    /** The key the upstream knows this purchase by: our order line. */
    public String orderLineId() {
      return new LineKey(orderId, line).toString();
    }
  }

  /**
   * An order line as the upstream knows it: the order id without dashes, a dash, the line number.
   */
  public record LineKey(UUID orderId, int line) {

    private static final Pattern FORM = Pattern.compile("([0-9a-f]{32})-([0-9]{1,6})");

    /** Reads a key, as a callback address carries it; empty for anything else. */
    public static Optional<LineKey> parse(String text) {
      Matcher m = text == null ? null : FORM.matcher(text);
      if (m == null || !m.matches()) {
        return Optional.empty();
      }
      String hex = m.group(1);
      UUID id =
          UUID.fromString(
              hex.substring(0, 8)
                  + "-"
                  + hex.substring(8, 12)
                  + "-"
                  + hex.substring(12, 16)
                  + "-"
                  + hex.substring(16, 20)
                  + "-"
                  + hex.substring(20));
      return Optional.of(new LineKey(id, Integer.parseInt(m.group(2))));
    }

    @Override
    public String toString() {
      return orderId.toString().replace("-", "") + "-" + line;
    }
  }

  /**
   * Runs the purchase's job at once, for an upstream's verified callback: the job queries and acts
   * on what the upstream says, never on the callback's content. A prompt waiting to run absorbs
   * another.
   *
   * @return false if the shop has no such purchase
   */
  public static boolean prompt(Connection c, TenantId tenant, UUID orderId, int line)
      throws SQLException {
    Optional<Purchase> found = find(c, orderId, line);
    if (found.isEmpty()) {
      return false;
    }
    if (found.get().status() == Status.PLACED || found.get().status() == Status.QUEUED) {
      Jobs.enqueue(
          c,
          tenant,
          JOB,
          new FlatJson()
              .put("orderId", orderId.toString())
              .put("line", line)
              .put("poll", "callback")
              .toString(),
          orderId + ":" + line + ":callback",
          Instant.EPOCH);
    }
    return true;
  }

  /**
   * Records the purchase of an UPSTREAM line of an order just paid and enqueues its job, in the
   * paying transaction. Idempotent: a second call for the same line changes nothing.
   */
  public static void queue(Connection c, TenantId tenant, UUID orderId, int line)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.upstream_purchase (tenant_id, order_id, line_number,"
                + " supplier_config_id, upstream_item_id, quantity, max_unit_minor, currency)"
                + " SELECT l.tenant_id, l.order_id, l.line_number, k.supplier_config_id,"
                + " k.upstream_item_id, l.quantity, k.cost_minor, o.currency"
                + " FROM kameng.order_line l"
                + " JOIN kameng.customer_order o ON o.tenant_id = l.tenant_id AND o.id = l.order_id"
                + " LEFT JOIN kameng.upstream_link k"
                + " ON k.tenant_id = l.tenant_id AND k.sku_id = l.sku_id"
                + " WHERE l.order_id = ? AND l.line_number = ?"
                + " ON CONFLICT DO NOTHING")) {
      insert.setObject(1, orderId);
      insert.setInt(2, line);
      if (insert.executeUpdate() == 0) {
        return;
      }
    }
    enqueue(c, tenant, orderId, line, 0, Instant.EPOCH);
  }

  /** Enqueues the purchase's job; each follow-up has its own key, so none absorbs another. */
  static void enqueue(Connection c, TenantId tenant, UUID orderId, int line, int poll, Instant at)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        JOB,
        new FlatJson()
            .put("orderId", orderId.toString())
            .put("line", line)
            .put("poll", poll)
            .toString(),
        orderId + ":" + line + ":" + poll,
        at);
  }

  /** The order and line a purchase job is for. */
  static UUID orderId(String payload) {
    Matcher m = ORDER_ID.matcher(payload);
    if (!m.find()) {
      throw new IllegalArgumentException("upstream purchase job without orderId");
    }
    return UUID.fromString(m.group(1));
  }

  static int line(String payload) {
    Matcher m = LINE.matcher(payload);
    if (!m.find()) {
      throw new IllegalArgumentException("upstream purchase job without line");
    }
    return Integer.parseInt(m.group(1));
  }

  /** One line's purchase, if the line has one. */
  public static Optional<Purchase> find(Connection c, UUID orderId, int line) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.supplier_config_id, p.upstream_item_id, p.quantity, p.max_unit_minor,"
                + " p.currency, p.status, p.upstream_order_id, p.polls, l.sku_id,"
                + " ARRAY(SELECT k FROM jsonb_each_text(l.buyer_inputs) e(k, v) ORDER BY k),"
                + " ARRAY(SELECT v FROM jsonb_each_text(l.buyer_inputs) e(k, v) ORDER BY k)"
                + " FROM kameng.upstream_purchase p JOIN kameng.order_line l"
                + " ON l.tenant_id = p.tenant_id AND l.order_id = p.order_id"
                + " AND l.line_number = p.line_number"
                + " WHERE p.order_id = ? AND p.line_number = ?")) {
      select.setObject(1, orderId);
      select.setInt(2, line);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long max = rs.getLong(4);
        Money maxUnit = rs.wasNull() ? null : Money.of(max, rs.getString(5));
        return Optional.of(
            new Purchase(
                orderId,
                line,
                rs.getObject(9, UUID.class),
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getInt(3),
                maxUnit,
                Status.valueOf(rs.getString(6)),
                Optional.ofNullable(rs.getString(7)),
                rs.getInt(8),
                zip(rs.getArray(10), rs.getArray(11))));
      }
    }
  }

  /**
   * Marks a purchase as possibly placed, before the connector is asked to place it. The caller
   * commits this on its own, so that a crash during the call still leaves the mark: the next
   * attempt then queries before it places.
   */
  public static void markPlaced(Connection c, UUID orderId, int line) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_purchase SET status = 'PLACED', updated_at = now()"
                + " WHERE order_id = ? AND line_number = ? AND status = 'QUEUED'")) {
      update.setObject(1, orderId);
      update.setInt(2, line);
      update.executeUpdate();
    }
  }

  static void recordOutcome(
      Connection c, UUID orderId, int line, Status status, String upstreamOrderId, String result)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_purchase SET status = ?,"
                + " upstream_order_id = coalesce(?, upstream_order_id),"
                + " last_result = ?, polls = polls + CASE WHEN ? = 'PLACED' THEN 1 ELSE 0 END,"
                + " updated_at = now() WHERE order_id = ? AND line_number = ?")) {
      update.setString(1, status.name());
      update.setString(2, upstreamOrderId);
      update.setString(3, result == null ? null : clip(result));
      update.setString(4, status.name());
      update.setObject(5, orderId);
      update.setInt(6, line);
      update.executeUpdate();
    }
  }

  private static String clip(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static Map<String, String> zip(Array keys, Array values) throws SQLException {
    Object[] k = (Object[]) keys.getArray();
    Object[] v = (Object[]) values.getArray();
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < k.length; i++) {
      map.put((String) k[i], (String) v[i]);
    }
    return map;
  }
}
