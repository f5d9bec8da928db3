package org.kameng.kernel.upstream;

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
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * The price and stock sync of a supplier configuration's linked SKUs: when it runs and how it went.
 * Each configuration with a link has one chain of {@link #JOB} jobs, numbered by run; a job of run
 * {@code n} enqueues run {@code n + 1} in its own transaction, under the de-duplication key {@code
 * <config>:<n + 1>}, so the chain never forks however many server instances poll the queue, and a
 * retried run does not schedule twice. A sync asked for by staff is a run 0 that schedules nothing.
 * Runs in the caller's tenant transaction.
 */
public final class UpstreamSyncs {

  /** Job kind of one sync run of one supplier configuration. */
  public static final String JOB = "upstream.sync";

  /** How often a configuration's linked SKUs are synced unless the server says otherwise. */
  public static final Duration EVERY = Duration.ofMinutes(10);

  /** Why a sync took a SKU off sale. */
  public enum ClosedReason {
    /** The upstream has none left. */
    UPSTREAM_SOLD_OUT,
    /** The upstream now charges more than the SKU's local price: every sale would lose money. */
    UPSTREAM_PRICE_ABOVE_LOCAL,
    /** The upstream's catalogue no longer lists the item (or sells it in another currency). */
    UPSTREAM_ITEM_GONE
  }

  /**
   * How a configuration's syncs went; empty times before the first run. {@code repricedSkus} are
   * the SKUs the last run re-priced.
   */
  public record SyncState(
      UUID supplierId,
      long runs,
      OffsetDateTime lastAt,
      Boolean lastOk,
      String lastResult,
      int checked,
      int repriced,
      int closed,
      int reopened,
      OffsetDateTime nextAt,
      List<ClosedSku> closedSkus,
      List<RepricedSku> repricedSkus) {}

  /** A SKU the sync took off sale, and why. */
  public record ClosedSku(UUID skuId, String skuName, ClosedReason reason, OffsetDateTime since) {}

  /** A SKU the last run re-priced from the upstream's new cost: its price before and after. */
  public record RepricedSku(UUID skuId, String skuName, Money from, Money to, Money cost) {}

  private UpstreamSyncs() {}

  /**
   * Starts the configuration's sync chain unless it has one: its first run {@code after} from now.
   * Called whenever a SKU is linked to the configuration.
   */
  public static void ensureScheduled(Connection c, TenantId tenant, UUID configId, Duration after)
      throws SQLException {
    boolean created;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.supplier_sync (tenant_id, supplier_config_id, next_at)"
                + " VALUES (?, ?, now() + make_interval(secs => ?)) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, configId);
      insert.setLong(3, after.toSeconds());
      created = insert.executeUpdate() == 1;
    }
    if (created) {
      enqueue(c, tenant, configId, 1, Instant.now().plus(after));
    }
  }

  /**
   * Asks for a sync at once (staff's "sync now"). A request still waiting absorbs another.
   *
   * @return false if one was already waiting
   */
  public static boolean requestNow(Connection c, TenantId tenant, UUID configId)
      throws SQLException {
    return Jobs.enqueue(c, tenant, JOB, payload(configId, 0), configId + ":now", Instant.EPOCH);
  }

  static void enqueue(Connection c, TenantId tenant, UUID configId, long run, Instant at)
      throws SQLException {
    Jobs.enqueue(c, tenant, JOB, payload(configId, run), configId + ":" + run, at);
  }

  private static String payload(UUID configId, long run) {
    return new FlatJson().put("supplier", configId.toString()).put("run", run).toString();
  }

  /** How the configuration's syncs went, with the SKUs they took off sale. */
  public static Optional<SyncState> find(Connection c, UUID configId) throws SQLException {
    // The run's counts first, then the links it stamped with its last_at: each statement sees
    // its own snapshot, so reading the links first could miss a run that committed in between
    // and report "repriced 1" with no SKU.
    long runs;
    OffsetDateTime lastAt;
    Boolean lastOk;
    String lastResult;
    int checked;
    int repricedCount;
    int closedCount;
    int reopened;
    OffsetDateTime nextAt;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT runs, last_at, last_ok, last_result, checked, closed, reopened, next_at,"
                + " repriced FROM kameng.supplier_sync WHERE supplier_config_id = ?")) {
      select.setObject(1, configId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        runs = rs.getLong(1);
        lastAt = rs.getObject(2, OffsetDateTime.class);
        lastOk = rs.getObject(3, Boolean.class);
        lastResult = rs.getString(4);
        checked = rs.getInt(5);
        closedCount = rs.getInt(6);
        reopened = rs.getInt(7);
        nextAt = rs.getObject(8, OffsetDateTime.class);
        repricedCount = rs.getInt(9);
      }
    }
    List<ClosedSku> closed = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.sku_id, s.name, l.closed_reason, l.closed_at FROM kameng.upstream_link l"
                + " JOIN kameng.sku s ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " WHERE l.supplier_config_id = ? AND l.closed_reason IS NOT NULL"
                + " ORDER BY l.closed_at, l.sku_id")) {
      select.setObject(1, configId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          closed.add(
              new ClosedSku(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  ClosedReason.valueOf(rs.getString(3)),
                  rs.getObject(4, OffsetDateTime.class)));
        }
      }
    }
    // A run stamps the links it re-priced with its own transaction's now(), which is its last_at.
    List<RepricedSku> repriced = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.sku_id, s.name, l.repriced_from_minor, s.price_minor, l.cost_minor,"
                + " l.currency FROM kameng.upstream_link l JOIN kameng.sku s"
                + " ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " WHERE l.supplier_config_id = ? AND l.repriced_at = ?"
                + " ORDER BY s.name, l.sku_id")) {
      select.setObject(1, configId);
      select.setObject(2, lastAt);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String currency = rs.getString(6);
          repriced.add(
              new RepricedSku(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  Money.of(rs.getLong(3), currency),
                  Money.of(rs.getLong(4), currency),
                  Money.of(rs.getLong(5), currency)));
        }
      }
    }
    return Optional.of(
        new SyncState(
            configId,
            runs,
            lastAt,
            lastOk,
            lastResult,
            checked,
            repricedCount,
            closedCount,
            reopened,
            nextAt,
            List.copyOf(closed),
            List.copyOf(repriced)));
  }
}
