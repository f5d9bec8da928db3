package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/** Opens a payment attempt for an unpaid order through one of the shop's enabled channels. */
public final class StartPayment {

  /**
   * The job that asks a plugin channel about a payment still pending: the notify may never come
   * (provider outage, a shop behind a firewall), and the buyer's money must not be left unseen.
   */
  public static final String RECONCILE_JOB = "payment.reconcile";

  /** How long after a payment starts the first status query runs. */
  public static final Duration FIRST_RECONCILE = Duration.ofMinutes(3);

  /** The built-in channel, which needs no reconcile job: staff mark its payments. */
  static final String MANUAL = "manual";

  private StartPayment() {}

  /**
   * A payment opened for an order, with what a channel needs to start it at the provider.
   *
   * @param channel the channel id of the configuration, {@code manual} or a plugin's id
   * @param orderNumber the order's number as the buyer sees it
   * @param payBy when the order's reservation ends; the provider's page should not outlive it
   */
  public record Started(
      UUID paymentId,
      UUID orderId,
      UUID channelConfigId,
      String channel,
      Money amount,
      long orderNumber,
      OffsetDateTime payBy) {}

  /**
   * Creates a pending payment of the order's exact total, and for a plugin channel the job that
   * reconciles it if no notify arrives.
   *
   * @throws InvalidOrderException if the order is not awaiting payment or the channel is not one of
   *     the shop's enabled channels
   */
  public static Started start(Connection c, TenantId tenant, UUID orderId, UUID channelConfigId)
      throws SQLException {
    UUID paymentId = UUID.randomUUID();
    // One statement on the checkout path; only when it writes nothing do we ask which part failed.
    try (PreparedStatement insert =
        c.prepareStatement(
            "WITH opened AS ("
                + " INSERT INTO kameng.payment (tenant_id, id, order_id, channel_config_id,"
                + "   amount_minor, currency, status)"
                + " SELECT ?, ?, o.id, cc.id, o.total_minor, o.currency, 'PENDING'"
                + "   FROM kameng.customer_order o, kameng.channel_config cc"
                + "  WHERE o.id = ? AND o.status = 'PENDING_PAYMENT' AND o.reserved_until > now()"
                + "    AND cc.id = ? AND cc.enabled"
                + " RETURNING order_id, channel_config_id, amount_minor, currency)"
                + " SELECT opened.amount_minor, opened.currency, cc.channel, o.display_number,"
                + "   o.reserved_until"
                + " FROM opened"
                + " JOIN kameng.channel_config cc ON cc.id = opened.channel_config_id"
                + " JOIN kameng.customer_order o ON o.id = opened.order_id")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, paymentId);
      insert.setObject(3, orderId);
      insert.setObject(4, channelConfigId);
      try (ResultSet rs = insert.executeQuery()) {
        if (rs.next()) {
          Started started = started(rs, paymentId, orderId, channelConfigId);
          if (!MANUAL.equals(started.channel())) {
            Jobs.enqueue(
                c,
                tenant,
                RECONCILE_JOB,
                new FlatJson().put("paymentId", paymentId.toString()).toString(),
                paymentId.toString(),
                Instant.now().plus(FIRST_RECONCILE));
          }
          return started;
        }
      }
    }
    if (!exists(
        c, "SELECT 1 FROM kameng.channel_config WHERE id = ? AND enabled", channelConfigId)) {
      throw new InvalidOrderException("channelId", "no such payment channel in this shop");
    }
    throw new InvalidOrderException("orderId", "this order is not awaiting payment");
  }

  /** A payment that was started, as {@link #start} described it; empty if there is none. */
  public static Optional<Started> find(Connection c, UUID paymentId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT p.amount_minor, p.currency, cc.channel, o.display_number, o.reserved_until,"
                + " p.order_id, p.channel_config_id"
                + " FROM kameng.payment p"
                + " JOIN kameng.channel_config cc ON cc.id = p.channel_config_id"
                + " JOIN kameng.customer_order o ON o.id = p.order_id"
                + " WHERE p.id = ?")) {
      select.setObject(1, paymentId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            started(rs, paymentId, rs.getObject(6, UUID.class), rs.getObject(7, UUID.class)));
      }
    }
  }

  private static Started started(ResultSet rs, UUID paymentId, UUID orderId, UUID configId)
      throws SQLException {
    return new Started(
        paymentId,
        orderId,
        configId,
        rs.getString(3),
        Money.of(rs.getLong(1), rs.getString(2)),
        rs.getLong(4),
        rs.getObject(5, OffsetDateTime.class));
  }

  private static boolean exists(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
