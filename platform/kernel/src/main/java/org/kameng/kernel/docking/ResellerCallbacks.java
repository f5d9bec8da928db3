package org.kameng.kernel.docking;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.plugin.api.TenantId;

/**
 * Callbacks to a downstream reseller: when an order placed with a callback URL reaches a final
 * state, a job POSTs {@code {"event","orderId","requestId","status"}} to the URL, signed with the
 * key that placed the order (the recipe of the API itself, so the reseller checks it with its own
 * secret). Never the keys themselves: the reseller fetches them with a signed request, so a
 * mistyped URL leaks nothing. The job looks again later while the order still waits for staff.
 */
public final class ResellerCallbacks {

  /** Job kind; the server's handler sends the request. */
  public static final String JOB = "reseller.callback";

  /** How often a job looks again at an order that is not final yet, and for how long. */
  static final Duration WAIT = Duration.ofMinutes(5);

  static final int MAX_WAITS = 2 * 24 * 12;

  private static final Set<OrderStatus> WAITING =
      EnumSet.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.DELIVERING);
  private static final Pattern ORDER_ID =
      Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern WAITS = Pattern.compile("\"waits\"\\s*:\\s*([0-9]{1,6})");

  private ResellerCallbacks() {}

  /**
   * A callback to send, or to wait for.
   *
   * @param ready whether the order is in a final state (else the job looks again later)
   * @param body the JSON to POST, exactly these bytes are signed
   */
  public record Due(URI url, String keyId, String body, boolean ready) {}

  /** The callback of this order, if it has one whose key still stands. */
  public static Optional<Due> due(Connection c, UUID orderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT r.callback_url, r.key_id, r.request_id, o.status"
                + " FROM kameng.reseller_order r JOIN kameng.customer_order o"
                + " ON o.tenant_id = r.tenant_id AND o.id = r.order_id"
                + " JOIN kameng.reseller_api_key k"
                + " ON k.tenant_id = r.tenant_id AND k.key_id = r.key_id"
                + " WHERE r.order_id = ? AND r.callback_url IS NOT NULL AND k.revoked_at IS NULL")) {
      select.setObject(1, orderId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OrderStatus status = OrderStatus.valueOf(rs.getString(4));
        String body =
            new FlatJson()
                .put("event", "order.final")
                .put("orderId", orderId.toString())
                .put("requestId", rs.getString(3))
                .put("status", status.name())
                .toString();
        return Optional.of(
            new Due(URI.create(rs.getString(1)), rs.getString(2), body, !WAITING.contains(status)));
      }
    }
  }

  /** Enqueues the callback job, in the caller's transaction. */
  static void schedule(Connection c, TenantId tenant, UUID orderId, int waits, Instant runAt)
      throws SQLException {
    Jobs.enqueue(
        c,
        tenant,
        JOB,
        new FlatJson().put("orderId", orderId.toString()).put("waits", waits).toString(),
        orderId + ":" + waits,
        runAt);
  }

  /**
   * Schedules another look at an order that is not final yet.
   *
   * @return false once the order was waited for two days: the callback is given up (the reseller
   *     can still query the order)
   */
  public static boolean lookAgainLater(Connection c, TenantId tenant, String payload, Instant now)
      throws SQLException {
    int waits = waits(payload) + 1;
    if (waits > MAX_WAITS) {
      return false;
    }
    schedule(c, tenant, orderId(payload), waits, now.plus(WAIT));
    return true;
  }

  /** The order a callback job is about. */
  public static UUID orderId(String payload) {
    Matcher m = ORDER_ID.matcher(payload);
    if (!m.find()) {
      throw new IllegalArgumentException("callback job without orderId");
    }
    return UUID.fromString(m.group(1));
  }

  private static int waits(String payload) {
    Matcher m = WAITS.matcher(payload);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * Checks the form of a callback URL: absolute http or https, a host, no user info, at most 500
   * characters. Where it points is checked when it is called, by the guarded outbound client.
   */
  static void checkUrl(String url) {
    String problem = "an absolute http or https URL of at most 500 characters, without user info";
    if (url.length() > 500) {
      throw new InvalidDockingException("callbackUrl", problem);
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawFragment() != null) {
        throw new InvalidDockingException("callbackUrl", problem);
      }
    } catch (URISyntaxException e) {
      throw new InvalidDockingException("callbackUrl", problem);
    }
  }
}
