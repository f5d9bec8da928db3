package org.kameng.kernel.pluginstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The platform's record of its plugins (platform-level, no tenant): which version of each is
 * installed from which archive, which a platform admin disabled, and which are gone. The server
 * reconciles it with what its plugin host loaded every time the host (re)loads.
 */
public final class PluginRegistry {

  private PluginRegistry() {}

  /** What the registry holds of one plugin. */
  public enum Status {
    /** Loaded and offered to shops, unless {@code disabled}. */
    ACTIVE,
    /** No longer in the plugins folder; kept so old configurations and orders name it. */
    REMOVED,
    /** In the folder but refused at load; {@code reason} says why. */
    REFUSED
  }

  /** Which shops may use a plugin. */
  public enum Availability {
    /** Every shop. */
    ALL,
    /** Only the shops a platform admin approved. */
    APPROVED
  }

  /** One plugin's entry. */
  public record Entry(
      String pluginId,
      String version,
      String checksum,
      Status status,
      boolean disabled,
      Availability availability,
      String reason,
      OffsetDateTime installedAt,
      OffsetDateTime updatedAt) {}

  /** A plugin as the host loaded it. */
  public record Loaded(String pluginId, String version, String checksum) {
    public Loaded {
      Objects.requireNonNull(pluginId, "pluginId");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(checksum, "checksum");
    }
  }

  /** A plugin the host refused, when its id could be read. */
  public record Refused(String pluginId, String reason) {}

  /**
   * Records what the host loaded and refused; plugins known before and absent now become {@code
   * REMOVED}. A version or archive change is recorded as an upgrade; tenants' configurations are
   * keyed by plugin id and therefore carry over.
   */
  public static void reconcile(
      Connection c, Collection<Loaded> loaded, Collection<Refused> refused, String actor)
      throws SQLException {
    Set<String> present = new java.util.HashSet<>();
    for (Loaded plugin : loaded) {
      present.add(plugin.pluginId());
      Optional<Entry> before = find(c, plugin.pluginId());
      if (before.isEmpty()) {
        upsert(c, plugin.pluginId(), plugin.version(), plugin.checksum(), Status.ACTIVE, null);
        event(c, plugin.pluginId(), "INSTALLED", plugin.version(), plugin.checksum(), actor);
      } else {
        boolean changed =
            !before.get().version().equals(plugin.version())
                || !before.get().checksum().equals(plugin.checksum());
        upsert(c, plugin.pluginId(), plugin.version(), plugin.checksum(), Status.ACTIVE, null);
        if (changed || before.get().status() != Status.ACTIVE) {
          event(c, plugin.pluginId(), "UPGRADED", plugin.version(), plugin.checksum(), actor);
        }
      }
    }
    for (Refused plugin : refused) {
      if (plugin.pluginId() == null || present.contains(plugin.pluginId())) {
        continue;
      }
      present.add(plugin.pluginId());
      Optional<Entry> before = find(c, plugin.pluginId());
      String version = before.map(Entry::version).orElse("unknown");
      String checksum = before.map(Entry::checksum).orElse("0".repeat(64));
      String reason =
          plugin.reason().length() > 1000 ? plugin.reason().substring(0, 1000) : plugin.reason();
      upsert(c, plugin.pluginId(), version, checksum, Status.REFUSED, reason);
      if (before.isEmpty() || before.get().status() != Status.REFUSED) {
        event(c, plugin.pluginId(), "REFUSED", null, null, actor);
      }
    }
    for (Entry entry : list(c)) {
      if (!present.contains(entry.pluginId()) && entry.status() != Status.REMOVED) {
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE kameng.plugin_registry SET status = 'REMOVED', reason = NULL,"
                    + " updated_at = now() WHERE plugin_id = ?")) {
          update.setString(1, entry.pluginId());
          update.executeUpdate();
        }
        event(c, entry.pluginId(), "REMOVED", entry.version(), entry.checksum(), actor);
      }
    }
  }

  /**
   * Disables or enables a plugin for every shop: a disabled plugin is not offered for new
   * configurations or new payments; payments already under way still complete.
   *
   * @return the entry after the change, or empty if no such plugin is known
   */
  public static Optional<Entry> setDisabled(
      Connection c, String pluginId, boolean disabled, String actor) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.plugin_registry SET disabled = ?, updated_at = now()"
                + " WHERE plugin_id = ? AND disabled <> ?")) {
      update.setBoolean(1, disabled);
      update.setString(2, pluginId);
      update.setBoolean(3, disabled);
      if (update.executeUpdate() == 1) {
        Entry entry = find(c, pluginId).orElseThrow();
        event(
            c,
            pluginId,
            disabled ? "DISABLED" : "ENABLED",
            entry.version(),
            entry.checksum(),
            actor);
      }
    }
    return find(c, pluginId);
  }

  /** Sets which shops may use a plugin; empty if no such plugin is known. */
  public static Optional<Entry> setAvailability(
      Connection c, String pluginId, Availability availability) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.plugin_registry SET availability = ?, updated_at = now()"
                + " WHERE plugin_id = ?")) {
      update.setString(1, availability.name());
      update.setString(2, pluginId);
      if (update.executeUpdate() == 0) {
        return Optional.empty();
      }
    }
    return find(c, pluginId);
  }

  /** Approves a shop for a plugin; false if it was approved already. */
  public static boolean approve(Connection c, String pluginId, UUID tenant, String actor)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.plugin_tenant_approval (plugin_id, tenant_id, approved_by)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, pluginId);
      insert.setObject(2, tenant);
      insert.setString(3, actor);
      return insert.executeUpdate() == 1;
    }
  }

  /** Withdraws a shop's approval for a plugin; false if there was none. */
  public static boolean revoke(Connection c, String pluginId, UUID tenant) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM kameng.plugin_tenant_approval WHERE plugin_id = ? AND tenant_id = ?")) {
      delete.setString(1, pluginId);
      delete.setObject(2, tenant);
      return delete.executeUpdate() == 1;
    }
  }

  /** The shops approved for a plugin. */
  public static List<UUID> approvedShops(Connection c, String pluginId) throws SQLException {
    List<UUID> shops = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT tenant_id FROM kameng.plugin_tenant_approval WHERE plugin_id = ?"
                + " ORDER BY approved_at")) {
      select.setString(1, pluginId);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          shops.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return shops;
  }

  /**
   * Whether a shop may use a plugin now: not disabled, and available to every shop or approved for
   * this one. A plugin the registry does not know yet is offered (it loads before it is recorded).
   */
  public static boolean isOffered(Connection c, String pluginId, UUID tenant) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT NOT r.disabled AND (r.availability = 'ALL' OR EXISTS ("
                + "  SELECT 1 FROM kameng.plugin_tenant_approval a"
                + "   WHERE a.plugin_id = r.plugin_id AND a.tenant_id = ?))"
                + " FROM kameng.plugin_registry r WHERE r.plugin_id = ?")) {
      select.setObject(1, tenant);
      select.setString(2, pluginId);
      try (ResultSet rs = select.executeQuery()) {
        return !rs.next() || rs.getBoolean(1);
      }
    }
  }

  /** Every plugin ever known, by id. */
  public static List<Entry> list(Connection c) throws SQLException {
    return select(c, null);
  }

  /** One plugin's entry. */
  public static Optional<Entry> find(Connection c, String pluginId) throws SQLException {
    return select(c, Objects.requireNonNull(pluginId, "pluginId")).stream().findFirst();
  }

  /** The ids of the plugins a platform admin disabled. */
  public static Set<String> disabled(Connection c) throws SQLException {
    Set<String> ids = new java.util.HashSet<>();
    try (PreparedStatement select =
            c.prepareStatement("SELECT plugin_id FROM kameng.plugin_registry WHERE disabled");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return Set.copyOf(ids);
  }

  private static List<Entry> select(Connection c, String pluginId) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT plugin_id, version, checksum, status, disabled, availability, reason,"
                + " installed_at, updated_at FROM kameng.plugin_registry"
                + (pluginId == null ? "" : " WHERE plugin_id = ?")
                + " ORDER BY plugin_id")) {
      if (pluginId != null) {
        select.setString(1, pluginId);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  Status.valueOf(rs.getString(4)),
                  rs.getBoolean(5),
                  Availability.valueOf(rs.getString(6)),
                  rs.getString(7),
                  rs.getObject(8, OffsetDateTime.class),
                  rs.getObject(9, OffsetDateTime.class)));
        }
      }
    }
    return entries;
  }

  private static void upsert(
      Connection c, String id, String version, String checksum, Status status, String reason)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO kameng.plugin_registry (plugin_id, version, checksum, status, reason)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (plugin_id) DO UPDATE SET"
                + " version = EXCLUDED.version, checksum = EXCLUDED.checksum,"
                + " status = EXCLUDED.status, reason = EXCLUDED.reason, updated_at = now()")) {
      upsert.setString(1, id);
      upsert.setString(2, version);
      upsert.setString(3, checksum);
      upsert.setString(4, status.name());
      upsert.setString(5, reason);
      upsert.executeUpdate();
    }
  }

  private static void event(
      Connection c, String id, String event, String version, String checksum, String actor)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.plugin_registry_event (plugin_id, event, version, checksum, actor)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, event);
      insert.setString(3, version);
      insert.setString(4, checksum);
      insert.setString(5, actor);
      insert.executeUpdate();
    }
  }
}
