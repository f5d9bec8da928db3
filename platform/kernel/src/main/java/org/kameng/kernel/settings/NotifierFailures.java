package org.kameng.kernel.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.json.FlatJson;
import org.kameng.plugin.api.TenantId;

/**
 * Counts a notifier configuration's deliveries that ended without success in a row, and disables
 * the configuration when the count reaches the platform's limit (V21). A success resets the count;
 * staff enabling the configuration again ({@link PluginConfigs#update}) clears the count and the
 * reason. All in the caller's tenant transaction.
 */
public final class NotifierFailures {

  private static final int MAX_REASON = 500;

  private NotifierFailures() {}

  /**
   * What the shop sees of a configuration's recent failures.
   *
   * @param failuresInRow deliveries that ended without success since the last success
   * @param autoDisabledAt when the platform disabled it, if it did and staff have not enabled it
   * @param autoDisabledReason why, with the last failure's reason
   */
  public record State(
      int failuresInRow,
      Optional<OffsetDateTime> autoDisabledAt,
      Optional<String> autoDisabledReason) {}

  /** A message was delivered: the count starts again. Writes nothing when it is already 0. */
  public static void succeeded(Connection c, UUID configId) throws SQLException {
    try (PreparedStatement reset =
        c.prepareStatement(
            "UPDATE kameng.plugin_config SET failures_in_row = 0"
                + " WHERE id = ? AND failures_in_row <> 0")) {
      reset.setObject(1, configId);
      reset.executeUpdate();
    }
  }

  /**
   * A delivery ended without success. One statement counts it and, at the limit, disables the
   * configuration, so two instances counting at once cannot both miss the limit.
   *
   * @param limit disable at this many failures in a row; 0 never disables
   * @param reason the last failure's reason, for staff; no secrets
   * @return whether this failure disabled the configuration (then it is also in the audit log)
   */
  public static boolean failed(
      Connection c, TenantId tenant, UUID configId, int limit, String reason) throws SQLException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    String text = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
    int count;
    boolean disabled;
    try (PreparedStatement count1 =
        c.prepareStatement(
            "UPDATE kameng.plugin_config SET failures_in_row = failures_in_row + 1,"
                + " enabled = CASE WHEN ? > 0 AND failures_in_row + 1 >= ? THEN false"
                + " ELSE enabled END,"
                + " auto_disabled_at = CASE WHEN ? > 0 AND failures_in_row + 1 >= ? THEN now()"
                + " ELSE auto_disabled_at END,"
                + " auto_disabled_reason = CASE WHEN ? > 0 AND failures_in_row + 1 >= ?"
                + " THEN ? ELSE auto_disabled_reason END,"
                + " revision = CASE WHEN ? > 0 AND failures_in_row + 1 >= ? THEN revision + 1"
                + " ELSE revision END"
                + " WHERE id = ? AND enabled AND starts_with(plugin, 'notifier-')"
                + " RETURNING failures_in_row, enabled")) {
      for (int i = 1; i <= 6; i++) {
        count1.setInt(i, limit);
      }
      String summary =
          truncate("disabled after " + limit + " failed deliveries in a row; last: " + text);
      count1.setString(7, summary);
      count1.setInt(8, limit);
      count1.setInt(9, limit);
      count1.setObject(10, configId);
      try (ResultSet rs = count1.executeQuery()) {
        if (!rs.next()) {
          return false; // disabled or removed meanwhile: nothing to count
        }
        count = rs.getInt(1);
        disabled = !rs.getBoolean(2);
      }
    }
    if (disabled) {
      AuditLog.record(
          c,
          tenant,
          AuditLog.SYSTEM,
          "notifier.auto_disabled",
          "plugin-config:" + configId,
          new FlatJson().put("failuresInRow", count).put("lastFailure", truncate(text)).toString());
    }
    return disabled;
  }

  /** Clears the count and the reason, when staff enable the configuration again. */
  static void cleared(Connection c, UUID configId) throws SQLException {
    try (PreparedStatement clear =
        c.prepareStatement(
            "UPDATE kameng.plugin_config SET failures_in_row = 0, auto_disabled_at = NULL,"
                + " auto_disabled_reason = NULL WHERE id = ?")) {
      clear.setObject(1, configId);
      clear.executeUpdate();
    }
  }

  /** The state of every configuration of the shop, by id. */
  public static Map<UUID, State> states(Connection c) throws SQLException {
    Map<UUID, State> states = new HashMap<>();
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT id, failures_in_row, auto_disabled_at, auto_disabled_reason"
                    + " FROM kameng.plugin_config");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        states.put(
            rs.getObject(1, UUID.class),
            new State(
                rs.getInt(2),
                Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)),
                Optional.ofNullable(rs.getString(4))));
      }
    }
    return states;
  }

  private static String truncate(String text) {
    return text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 1) + "…" : text;
  }
}
