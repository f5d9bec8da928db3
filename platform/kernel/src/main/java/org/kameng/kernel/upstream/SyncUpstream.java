package org.kameng.kernel.upstream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.upstream.ApplyUpstreamCatalogue.Outcome;
import org.kameng.kernel.upstream.SupplierConfigs.SupplierSettings;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamItem;

/**
 * One sync run ({@link UpstreamSyncs#JOB}) of a supplier configuration: reads the upstream's
 * catalogue and, for every SKU linked to it, records the upstream's cost and stock, re-prices a SKU
 * priced by a markup ({@code PERCENT} or {@code FIXED}) from the new cost, never below its floor
 * nor its highest wholesale tier price, takes the SKU off sale when the upstream sold out, dropped
 * the item or (for a {@code FIXED_PRICE} SKU) now charges more than the SKU's local price (never
 * sell below cost), and puts it back on sale when that is over, but only if it was the sync that
 * took it off: a SKU staff hid stays hidden. Each closing is audited and raised as an {@link
 * Notifications.Event#UPSTREAM_CLOSED} notification for the shop's staff; each re-pricing is
 * audited and listed in the run's result.
 *
 * <p>An upstream that cannot be reached closes nothing (an outage is not a sell-out): the run
 * records the failure and the next run tries again. A raised cost is not adopted as the purchase
 * limit while it is above the local price, so orders already paid never buy at a loss.
 */
public final class SyncUpstream implements JobHandler {

  /** Audit action of a SKU taken off sale by the sync. */
  public static final String CLOSED_ACTION = "upstream.sync-closed";

  /** Audit action of a SKU put back on sale by the sync. */
  public static final String REOPENED_ACTION = "upstream.sync-reopened";

  /** Audit action of a SKU the sync re-priced from a new upstream cost. */
  public static final String REPRICED_ACTION = "upstream.sync-repriced";

  private static final Pattern SUPPLIER =
      Pattern.compile("\"supplier\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final Pattern RUN = Pattern.compile("\"run\"\\s*:\\s*(\\d+)");

  private final UpstreamCatalogues catalogues;
  private final Duration every;

  /**
   * @param every the wait between a configuration's scheduled runs
   */
  public SyncUpstream(UpstreamCatalogues catalogues, Duration every) {
    this.catalogues = catalogues;
    this.every = every;
  }

  @Override
  public void handle(Connection c, Job job) throws SQLException {
    UUID configId = UUID.fromString(field(SUPPLIER, job));
    long run = Long.parseLong(field(RUN, job));
    Optional<SupplierSettings> config = SupplierConfigs.find(c, configId);
    if (config.isEmpty()) {
      return; // Gone: the chain ends with it.
    }
    if (!hasLinks(c, configId)) {
      // Nothing left to sync (its SKUs were deleted or re-linked): the chain ends, and the next
      // link starts a new one (UpstreamSyncs.ensureScheduled).
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM kameng.supplier_sync WHERE supplier_config_id = ?")) {
        delete.setObject(1, configId);
        delete.executeUpdate();
      }
      return;
    }
    // Serialises a staff-requested run with a scheduled one of the same configuration.
    lockState(c, job.tenant(), configId);
    Outcome outcome;
    if (!config.get().enabled()) {
      outcome = Outcome.failed("the supplier is disabled; nothing was checked");
    } else {
      List<UpstreamItem> items;
      try {
        items = catalogues.fetch(job.tenant(), configId);
        outcome = ApplyUpstreamCatalogue.apply(c, job.tenant(), configId, items);
      } catch (IOException | RuntimeException e) {
        outcome = Outcome.failed("the upstream's catalogue could not be read: " + e.getMessage());
      }
    }
    Instant next = Instant.now().plus(every);
    record(c, configId, outcome, run > 0, next);
    if (run > 0) {
      UpstreamSyncs.enqueue(c, job.tenant(), configId, run + 1, next);
    }
  }

  private static boolean hasLinks(Connection c, UUID configId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT 1 FROM kameng.upstream_link WHERE supplier_config_id = ? LIMIT 1")) {
      select.setObject(1, configId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void lockState(Connection c, TenantId tenant, UUID configId) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.supplier_sync (tenant_id, supplier_config_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, configId);
      insert.executeUpdate();
    }
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT 1 FROM kameng.supplier_sync WHERE supplier_config_id = ? FOR UPDATE")) {
      lock.setObject(1, configId);
      lock.executeQuery().close();
    }
  }

  private static void record(
      Connection c, UUID configId, Outcome outcome, boolean scheduled, Instant next)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.supplier_sync SET runs = runs + 1, last_at = now(), last_ok = ?,"
                + " last_result = ?, checked = ?, closed = ?, reopened = ?, repriced = ?,"
                + " next_at = CASE WHEN ? THEN ? ELSE next_at END"
                + " WHERE supplier_config_id = ?")) {
      update.setBoolean(1, outcome.ok());
      String result = outcome.result();
      update.setString(2, result.length() > 500 ? result.substring(0, 500) : result);
      update.setInt(3, outcome.checked());
      update.setInt(4, outcome.closed());
      update.setInt(5, outcome.reopened());
      update.setInt(6, outcome.repriced());
      update.setBoolean(7, scheduled);
      update.setObject(8, java.time.OffsetDateTime.ofInstant(next, java.time.ZoneOffset.UTC));
      update.setObject(9, configId);
      update.executeUpdate();
    }
  }

  private static String field(Pattern pattern, Job job) {
    Matcher m = pattern.matcher(job.payload());
    if (!m.find()) {
      // A payload this code did not write: failing parks the job as dead for an operator to see.
      throw new IllegalArgumentException("sync job " + job.id() + " lacks " + pattern);
    }
    return m.group(1);
  }
}
