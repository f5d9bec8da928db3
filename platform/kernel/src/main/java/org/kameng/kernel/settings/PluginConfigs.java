package org.kameng.kernel.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.crypto.TenantCipher;

/**
 * A shop's configurations of marketing features and notifiers ({@code plugin_config}). The plugin
 * id's prefix is its kind: {@link #MARKETING} or {@link #NOTIFIER}.
 */
public final class PluginConfigs {

  /** Plugin id prefix of marketing features. */
  public static final String MARKETING = "marketing-";

  /** Plugin id prefix of notifiers. */
  public static final String NOTIFIER = "notifier-";

  private static final SealedSettings TABLE =
      new SealedSettings("kameng.plugin_config", "plugin", "plugin", InvalidSettingsException::new);

  private PluginConfigs() {}

  /** An enabled configuration, as cheap to list as possible: what to call, and which revision. */
  public record Enabled(UUID id, String plugin, long revision) {}

  /** The shop's configurations of one kind, oldest first. */
  public static List<SealedSettings.Stored> list(Connection c, String kind) throws SQLException {
    return TABLE.list(c, checkKind(kind));
  }

  /** One configuration of one kind. */
  public static Optional<SealedSettings.Stored> find(Connection c, String kind, UUID id)
      throws SQLException {
    return TABLE.find(c, id).filter(s -> s.plugin().startsWith(checkKind(kind)));
  }

  /** The shop's enabled configurations of one kind, oldest first; one small query. */
  public static List<Enabled> enabled(Connection c, String kind) throws SQLException {
    List<Enabled> found = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, plugin, revision FROM kameng.plugin_config"
                + " WHERE enabled AND starts_with(plugin, ?) ORDER BY created_at, id")) {
      select.setString(1, checkKind(kind));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(new Enabled(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)));
        }
      }
    }
    return found;
  }

  /**
   * Adds an enabled configuration.
   *
   * @throws InvalidSettingsException naming the field at fault
   */
  public static SealedSettings.Stored create(
      Connection c,
      TenantCipher cipher,
      String kind,
      String plugin,
      String name,
      Map<String, String> settings,
      Map<String, String> secrets,
      String actor)
      throws SQLException {
    if (plugin == null || !plugin.startsWith(checkKind(kind))) {
      throw new InvalidSettingsException("plugin", "must be a plugin id starting with " + kind);
    }
    return TABLE.create(c, cipher, UUID.randomUUID(), plugin, name, settings, secrets, actor);
  }

  /**
   * Changes a configuration; empty if the shop has no such configuration. Enabling it clears its
   * failure count and any reason the platform disabled it for ({@link NotifierFailures}).
   */
  public static Optional<SealedSettings.Stored> update(
      Connection c, TenantCipher cipher, UUID id, SealedSettings.Change change, String actor)
      throws SQLException {
    Optional<SealedSettings.Stored> updated = TABLE.update(c, cipher, id, change, actor);
    if (updated.isPresent() && Boolean.TRUE.equals(change.enabled())) {
      NotifierFailures.cleared(c, id);
    }
    return updated;
  }

  /** The configuration with its secrets opened, for the plugin alone. */
  public static Optional<SealedSettings.Resolved> resolve(
      Connection c, TenantCipher cipher, UUID id) throws SQLException {
    return TABLE.resolve(c, cipher, id);
  }

  private static String checkKind(String kind) {
    if (!MARKETING.equals(kind) && !NOTIFIER.equals(kind)) {
      throw new IllegalArgumentException("not a configurable kind: " + kind);
    }
    return kind;
  }
}
