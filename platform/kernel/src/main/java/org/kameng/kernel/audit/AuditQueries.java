package org.kameng.kernel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a tenant's audit log, newest first. */
public final class AuditQueries {

  private AuditQueries() {}

  /** One audited action. */
  public record Entry(
      long id, String actor, String action, String subject, String detail, OffsetDateTime at) {}

  /** The newest entries, at most {@code limit} (1–500). */
  public static List<Entry> recent(Connection c, int limit) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id, actor, action, subject, detail::text, at FROM kameng.audit_log"
                + " ORDER BY at DESC, id DESC LIMIT ?")) {
      select.setInt(1, Math.max(1, Math.min(limit, 500)));
      List<Entry> entries = new ArrayList<>();
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
      return entries;
    }
  }
}
