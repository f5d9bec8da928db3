package org.kameng.kernel.upstream;

import static org.kameng.kernel.upstream.SyncUpstream.CLOSED_ACTION;
import static org.kameng.kernel.upstream.SyncUpstream.REOPENED_ACTION;
import static org.kameng.kernel.upstream.SyncUpstream.REPRICED_ACTION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.notification.Notifications;
import org.kameng.kernel.upstream.UpstreamSyncs.ClosedReason;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamStock;

/**
 * The local half of a sync run ({@link SyncUpstream}): applies an upstream catalogue already read
 * to the SKUs linked to the supplier configuration — records cost and stock, re-prices markup SKUs,
 * takes SKUs off sale and puts back the ones the sync took off. Kept apart from the run's
 * scheduling and its reading of the upstream so that each reads on its own; the rules are the ones
 * {@link SyncUpstream}'s class comment states.
 */
final class ApplyUpstreamCatalogue {

  private ApplyUpstreamCatalogue() {}

  /** What one run did, as {@link SyncUpstream} records it in {@code kameng.supplier_sync}. */
  record Outcome(boolean ok, String result, int checked, int repriced, int closed, int reopened) {
    static Outcome failed(String why) {
      return new Outcome(false, why, 0, 0, 0, 0);
    }
  }

  private record Linked(
      UUID skuId,
      String upstreamItemId,
      String currency,
      ClosedReason closedReason,
      long priceMinor,
      boolean visible,
      Markup markup,
      long floorMarginMinor,
      long highestTierMinor) {

    boolean fixedPrice() {
      return markup.kind() == Markup.Kind.FIXED_PRICE;
    }
  }

  static Outcome apply(Connection c, TenantId tenant, UUID configId, List<UpstreamItem> items)
      throws SQLException {
    Map<String, UpstreamItem> byId = new HashMap<>();
    for (UpstreamItem item : items) {
      byId.put(item.upstreamId(), item);
    }
    int repriced = 0;
    int closed = 0;
    int reopened = 0;
    int fee = UpstreamLinks.feeBasisPoints(c);
    List<Linked> links = links(c, configId);
    for (Linked link : links) {
      UpstreamItem item = byId.get(link.upstreamItemId());
      boolean usable = item != null && item.price().currency().equals(link.currency());
      // A markup's price follows the cost (up or down), so only a fixed price can fall below it.
      if (usable && !link.fixedPrice() && reprice(c, tenant, configId, link, item, fee)) {
        repriced++;
      }
      ClosedReason reason =
          !usable
              ? ClosedReason.UPSTREAM_ITEM_GONE
              : soldOut(item.stock())
                  ? ClosedReason.UPSTREAM_SOLD_OUT
                  : link.fixedPrice() && item.price().minorUnits() > link.priceMinor()
                      ? ClosedReason.UPSTREAM_PRICE_ABOVE_LOCAL
                      : null;
      if (usable) {
        record(c, link, item, reason != ClosedReason.UPSTREAM_PRICE_ABOVE_LOCAL);
      }
      if (reason != null) {
        if (link.closedReason() == null && link.visible()) {
          close(c, tenant, configId, link, reason, item);
          closed++;
        } else if (link.closedReason() != null && link.closedReason() != reason) {
          setReason(c, link.skuId(), reason);
        }
        // Neither: staff hid the SKU themselves; it is theirs to show again.
      } else if (link.closedReason() != null) {
        reopen(c, tenant, configId, link, item);
        reopened++;
      }
    }
    return new Outcome(
        true,
        "checked "
            + links.size()
            + ", repriced "
            + repriced
            + ", closed "
            + closed
            + ", reopened "
            + reopened,
        links.size(),
        repriced,
        closed,
        reopened);
  }

  /**
   * Prices a markup SKU by its rule from the upstream's new cost: the rule's price, raised to the
   * floor (the cost plus the floor margin after the platform's fee) and to the SKU's highest
   * wholesale tier price. Marks the link and audits the change when the price moves.
   *
   * @return whether the price changed
   */
  private static boolean reprice(
      Connection c, TenantId tenant, UUID configId, Linked link, UpstreamItem item, int fee)
      throws SQLException {
    long price =
        Math.max(
            link.markup().price(item.price(), link.floorMarginMinor(), fee).minorUnits(),
            link.highestTierMinor());
    if (price == link.priceMinor()) {
      return false;
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE kameng.sku SET price_minor = ? WHERE id = ?")) {
      update.setLong(1, price);
      update.setObject(2, link.skuId());
      update.executeUpdate();
    }
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET repriced_at = now(), repriced_from_minor = ?"
                + " WHERE sku_id = ?")) {
      update.setLong(1, link.priceMinor());
      update.setObject(2, link.skuId());
      update.executeUpdate();
    }
    String currency = link.currency();
    AuditLog.record(
        c,
        tenant,
        AuditLog.SYSTEM,
        REPRICED_ACTION,
        "sku:" + link.skuId(),
        new FlatJson()
            .put("supplier", configId.toString())
            .put("upstreamItemId", link.upstreamItemId())
            .put("markupKind", link.markup().kind().name())
            .put("markupValue", link.markup().valueText(currency))
            .put("upstreamPrice", item.price().toDecimalString())
            .put("from", Money.of(link.priceMinor(), currency).toDecimalString())
            .put("to", Money.of(price, currency).toDecimalString())
            .toString());
    return true;
  }

  private static boolean soldOut(UpstreamStock stock) {
    return stock instanceof UpstreamStock.Exact exact
        ? exact.count() == 0
        : ((UpstreamStock.Banded) stock).band() == UpstreamStock.Band.OUT;
  }

  private static List<Linked> links(Connection c, UUID configId) throws SQLException {
    List<Linked> links = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT l.sku_id, l.upstream_item_id, l.currency, l.closed_reason, s.price_minor,"
                + " s.visible, l.markup_kind, l.markup_value, l.floor_margin_minor,"
                + " (SELECT COALESCE(max(t.price_minor), 0) FROM kameng.wholesale_tier t"
                + " WHERE t.tenant_id = s.tenant_id AND t.sku_id = s.id)"
                + " FROM kameng.upstream_link l JOIN kameng.sku s"
                + " ON s.tenant_id = l.tenant_id AND s.id = l.sku_id"
                + " WHERE l.supplier_config_id = ? ORDER BY l.sku_id FOR UPDATE OF l, s")) {
      select.setObject(1, configId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          String reason = rs.getString(4);
          links.add(
              new Linked(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  reason == null ? null : ClosedReason.valueOf(reason),
                  rs.getLong(5),
                  rs.getBoolean(6),
                  new Markup(Markup.Kind.valueOf(rs.getString(7)), rs.getLong(8)),
                  rs.getLong(9),
                  rs.getLong(10)));
        }
      }
    }
    return links;
  }

  /**
   * The upstream's stock always; its cost too when {@code adoptCost} (see {@link SyncUpstream}).
   */
  private static void record(Connection c, Linked link, UpstreamItem item, boolean adoptCost)
      throws SQLException {
    Long exact = item.stock() instanceof UpstreamStock.Exact e ? Long.valueOf(e.count()) : null;
    String band =
        item.stock() instanceof UpstreamStock.Banded b
            ? b.band().name()
            : exact == 0 ? UpstreamStock.Band.OUT.name() : null;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET upstream_stock = ?, stock_band = ?, synced_at = now(),"
                + " cost_minor = CASE WHEN ? THEN ? ELSE cost_minor END WHERE sku_id = ?")) {
      update.setObject(1, exact);
      update.setString(2, band);
      update.setBoolean(3, adoptCost);
      update.setLong(4, item.price().minorUnits());
      update.setObject(5, link.skuId());
      update.executeUpdate();
    }
    if (adoptCost) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE kameng.sku SET cost_minor = ? WHERE id = ?"
                  + " AND cost_minor IS DISTINCT FROM ?")) {
        update.setLong(1, item.price().minorUnits());
        update.setObject(2, link.skuId());
        update.setLong(3, item.price().minorUnits());
        update.executeUpdate();
      }
    }
  }

  private static void close(
      Connection c,
      TenantId tenant,
      UUID configId,
      Linked link,
      ClosedReason reason,
      UpstreamItem item)
      throws SQLException {
    setVisible(c, link.skuId(), false);
    setReason(c, link.skuId(), reason);
    FlatJson detail =
        new FlatJson()
            .put("supplier", configId.toString())
            .put("upstreamItemId", link.upstreamItemId())
            .put("reason", reason.name());
    if (item != null) {
      detail.put("upstreamPrice", item.price().toDecimalString());
    }
    AuditLog.record(
        c, tenant, AuditLog.SYSTEM, CLOSED_ACTION, "sku:" + link.skuId(), detail.toString());
    Notifications.upstreamClosed(c, tenant, link.skuId(), reason.name());
  }

  private static void reopen(
      Connection c, TenantId tenant, UUID configId, Linked link, UpstreamItem item)
      throws SQLException {
    setVisible(c, link.skuId(), true);
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET closed_reason = NULL, closed_at = NULL"
                + " WHERE sku_id = ?")) {
      update.setObject(1, link.skuId());
      update.executeUpdate();
    }
    AuditLog.record(
        c,
        tenant,
        AuditLog.SYSTEM,
        REOPENED_ACTION,
        "sku:" + link.skuId(),
        new FlatJson()
            .put("supplier", configId.toString())
            .put("upstreamItemId", link.upstreamItemId())
            .put("was", link.closedReason().name())
            .put("upstreamPrice", item.price().toDecimalString())
            .toString());
  }

  private static void setVisible(Connection c, UUID skuId, boolean visible) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE kameng.sku SET visible = ? WHERE id = ?")) {
      update.setBoolean(1, visible);
      update.setObject(2, skuId);
      update.executeUpdate();
    }
  }

  private static void setReason(Connection c, UUID skuId, ClosedReason reason) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.upstream_link SET closed_reason = ?,"
                + " closed_at = coalesce(closed_at, now()) WHERE sku_id = ?")) {
      update.setString(1, reason.name());
      update.setObject(2, skuId);
      update.executeUpdate();
    }
  }
}
