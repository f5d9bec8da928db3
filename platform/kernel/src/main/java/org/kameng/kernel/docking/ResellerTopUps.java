package org.kameng.kernel.docking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.StartPayment;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * A downstream reseller's top-ups paid through one of the shop's payment channels (ADR 0020). A
 * top-up owns one payment row, which the verified notify pipeline treats like an order's: the
 * kernel checks binding, amount, currency and the provider event's uniqueness there, and only then
 * calls {@link #credit}, once per payment.
 */
public final class ResellerTopUps {

  /** How long the provider's page should take payment; a payment after it is still credited. */
  public static final Duration PAY_WINDOW = Duration.ofMinutes(30);

  private static final String MANUAL = "manual";

  private static final String SELECT =
      "SELECT t.id, t.reseller_id, t.number, t.amount_minor, t.currency,"
          + " CASE WHEN t.status = 'PAID' THEN 'PAID' WHEN p.status = 'FAILED' THEN 'FAILED'"
          + " WHEN t.pay_by < now() THEN 'EXPIRED' ELSE 'PENDING' END,"
          + " t.pay_by, t.balance_after_minor, t.created_at, t.paid_at, p.id, p.channel_config_id,"
          + " cc.channel"
          + " FROM kameng.reseller_top_up t"
          + " JOIN kameng.payment p ON p.tenant_id = t.tenant_id AND p.top_up_id = t.id"
          + " JOIN kameng.channel_config cc"
          + " ON cc.tenant_id = p.tenant_id AND cc.id = p.channel_config_id";

  private ResellerTopUps() {}

  /**
   * A top-up as the reseller and staff see it.
   *
   * @param number a short number for people and the provider's description
   * @param status PENDING, PAID, FAILED (the provider said so; a later success still pays it) or
   *     EXPIRED (pending after {@code payBy}; money arriving later is still credited)
   * @param balanceAfter the reseller's balance right after this top-up was credited; null until
   *     then
   * @param channel the channel id of the configuration paid through, such as {@code payment-epay}
   */
  public record ChannelTopUp(
      UUID id,
      UUID resellerId,
      long number,
      Money amount,
      String status,
      OffsetDateTime payBy,
      Money balanceAfter,
      OffsetDateTime createdAt,
      OffsetDateTime paidAt,
      UUID paymentId,
      UUID channelConfigId,
      String channel) {}

  /**
   * Opens a top-up of {@code amount} in the reseller's currency through an enabled provider channel
   * of the shop: the top-up, its pending payment, and the job that asks the provider if no notify
   * comes. The caller starts the payment at the provider after this commits.
   *
   * @throws InvalidDockingException naming {@code amount} or {@code channelId}; nothing is written
   * @throws ResellerNotFoundException if the reseller is unknown
   * @throws RefusedRequestException if the reseller is suspended
   */
  public static ChannelTopUp start(
      Connection c, TenantId tenant, UUID resellerId, String amount, UUID channelConfigId)
      throws SQLException {
    DownstreamResellers.Reseller reseller =
        DownstreamResellers.find(c, resellerId)
            .orElseThrow(() -> new ResellerNotFoundException("No such reseller."));
    if (!"ACTIVE".equals(reseller.status())) {
      throw new RefusedRequestException(
          RefusedRequestException.Reason.SUSPENDED, "The shop suspended this reseller account.");
    }
    Money money = ResellerBalances.amount(amount, reseller.balance().currency());
    if (channelConfigId == null || !providerChannel(c, channelConfigId)) {
      throw new InvalidDockingException(
          "channelId", "one of the payment channels GET /reseller/v1/channels lists");
    }
    UUID topUpId = UUID.randomUUID();
    UUID paymentId = UUID.randomUUID();
    try (PreparedStatement insert =
        c.prepareStatement(
            "WITH top_up AS ("
                + " INSERT INTO kameng.reseller_top_up (tenant_id, id, reseller_id, amount_minor,"
                + "   currency, pay_by)"
                + " VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING id)"
                + " INSERT INTO kameng.payment (tenant_id, id, top_up_id, channel_config_id,"
                + "   amount_minor, currency, status)"
                + " SELECT ?, ?, top_up.id, ?, ?, ?, 'PENDING' FROM top_up")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, topUpId);
      insert.setObject(3, resellerId);
      insert.setLong(4, money.minorUnits());
      insert.setString(5, money.currency());
      insert.setLong(6, PAY_WINDOW.toSeconds());
      insert.setObject(7, tenant.value());
      insert.setObject(8, paymentId);
      insert.setObject(9, channelConfigId);
      insert.setLong(10, money.minorUnits());
      insert.setString(11, money.currency());
      insert.executeUpdate();
    }
    // As for an order's payment: the notify may never come, and the money must not go unseen.
    Jobs.enqueue(
        c,
        tenant,
        StartPayment.RECONCILE_JOB,
        new FlatJson().put("paymentId", paymentId.toString()).toString(),
        paymentId.toString(),
        Instant.now().plus(StartPayment.FIRST_RECONCILE));
    return find(c, resellerId, topUpId).orElseThrow();
  }

  /** One of the reseller's top-ups; empty if it has none with this id. */
  public static Optional<ChannelTopUp> find(Connection c, UUID resellerId, UUID topUpId)
      throws SQLException {
    return select(c, " WHERE t.reseller_id = ? AND t.id = ?", 1, resellerId, topUpId).stream()
        .findFirst();
  }

  /** The reseller's latest top-ups through channels, newest first. */
  public static List<ChannelTopUp> ofReseller(Connection c, UUID resellerId, int limit)
      throws SQLException {
    return select(
        c, " WHERE t.reseller_id = ? ORDER BY t.created_at DESC, t.number DESC", limit, resellerId);
  }

  /**
   * Credits the top-up of a payment that a verified notify has just moved to SUCCEEDED: the payment
   * pipeline calls this once per payment (under its row lock, after the provider event was recorded
   * as new), and the conditional update makes a second call change nothing.
   *
   * @return false if the payment's top-up was already credited
   */
  public static boolean credit(Connection c, TenantId tenant, UUID paymentId) throws SQLException {
    UUID topUpId;
    UUID resellerId;
    Money money;
    String channel;
    try (PreparedStatement paid =
        c.prepareStatement(
            "UPDATE kameng.reseller_top_up t SET status = 'PAID', paid_at = now(),"
                + " balance_after_minor = 0"
                + " FROM kameng.payment p, kameng.channel_config cc"
                + " WHERE p.id = ? AND t.id = p.top_up_id AND t.status = 'PENDING'"
                + " AND cc.id = p.channel_config_id"
                + " RETURNING t.id, t.reseller_id, t.amount_minor, t.currency, cc.channel")) {
      paid.setObject(1, paymentId);
      try (ResultSet rs = paid.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
        topUpId = rs.getObject(1, UUID.class);
        resellerId = rs.getObject(2, UUID.class);
        money = Money.of(rs.getLong(3), rs.getString(4));
        channel = rs.getString(5);
      }
    }
    Money balance =
        ResellerBalances.credit(
            c,
            tenant,
            resellerId,
            money,
            "reseller top-up paid through " + channel,
            "channel:" + channel + " payment:" + paymentId,
            new FlatJson()
                .put("topUpId", topUpId.toString())
                .put("paymentId", paymentId.toString())
                .put("channel", channel));
    try (PreparedStatement after =
        c.prepareStatement(
            "UPDATE kameng.reseller_top_up SET balance_after_minor = ? WHERE id = ?")) {
      after.setLong(1, balance.minorUnits());
      after.setObject(2, topUpId);
      after.executeUpdate();
    }
    return true;
  }

  // Manual payments are confirmed by staff, who record such top-ups directly instead.
  private static boolean providerChannel(Connection c, UUID channelConfigId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT 1 FROM kameng.channel_config WHERE id = ? AND enabled AND channel <> ?")) {
      select.setObject(1, channelConfigId);
      select.setString(2, MANUAL);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<ChannelTopUp> select(Connection c, String where, int limit, Object... params)
      throws SQLException {
    List<ChannelTopUp> found = new ArrayList<>();
    try (PreparedStatement select = c.prepareStatement(SELECT + where + " LIMIT ?")) {
      for (int i = 0; i < params.length; i++) {
        select.setObject(i + 1, params[i]);
      }
      select.setInt(params.length + 1, limit);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String currency = rs.getString(5);
          long after = rs.getLong(8);
          Money balanceAfter = rs.wasNull() ? null : Money.of(after, currency);
          found.add(
              new ChannelTopUp(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getLong(3),
                  Money.of(rs.getLong(4), currency),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  balanceAfter,
                  rs.getObject(9, OffsetDateTime.class),
                  rs.getObject(10, OffsetDateTime.class),
                  rs.getObject(11, UUID.class),
                  rs.getObject(12, UUID.class),
                  rs.getString(13)));
        }
      }
    }
    return found;
  }
}
