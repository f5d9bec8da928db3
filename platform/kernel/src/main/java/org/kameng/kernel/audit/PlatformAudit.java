package org.kameng.kernel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What platform admins did: suspensions, approvals, plans and quotas, plugin installs and disables.
 * Platform-level and append-only; a shop's own audit log keeps what concerns it too.
 */
public final class PlatformAudit {

  private PlatformAudit() {}

  /** One recorded action. */
  public record Entry(
      long id, String actor, String action, String target, String detail, OffsetDateTime at) {}

  /** Records an action in the caller's transaction. */
  public static void record(
      Connection c, String actor, String action, String target, String detailJson)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.platform_audit (actor, action, target, detail)"
                + " VALUES (?, ?, ?, ?::jsonb)")) {
      insert.setString(1, actor);
      insert.setString(2, action);
      insert.setString(3, target);
      insert.setString(4, detailJson);
      insert.executeUpdate();
    }
  }

  /** The newest entries, at most {@code limit} (1 to 500), optionally before an id (paging). */
  public static List<Entry> recent(Connection c, int limit, Long beforeId) throws SQLException {
    int rows = Math.max(1, Math.min(limit, 500));
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, actor, action, target, detail::text, at FROM kameng.platform_audit"
                + " WHERE id < ? ORDER BY id DESC LIMIT ?")) {
      select.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
      select.setInt(2, rows);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getObject(6, OffsetDateTime.class)));
        }
      }
    }
    return entries;
  }
}
