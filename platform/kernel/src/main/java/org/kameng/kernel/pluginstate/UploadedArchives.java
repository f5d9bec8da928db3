package org.kameng.kernel.pluginstate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin archives platform admins uploaded, one per plugin id (the latest), kept in the
 * database so that every server instance installs the same ones. Platform-level: run in {@code
 * Transactions.platform}.
 */
public final class UploadedArchives {

  private UploadedArchives() {}

  /**
   * An uploaded archive without its bytes: what an instance compares with what it loaded. {@code
   * uploadedAt} tells a new upload of the same bytes from the one an instance already refused.
   */
  public record Stored(String pluginId, String version, String checksum, Instant uploadedAt) {}

  /** Keeps {@code archive} as the plugin's current upload, replacing an earlier one. */
  public static void save(
      Connection c, String pluginId, String version, String checksum, byte[] archive, String actor)
      throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO kameng.plugin_archive (plugin_id, version, checksum, archive,"
                + " uploaded_by) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version,"
                + " checksum = excluded.checksum, archive = excluded.archive,"
                + " uploaded_by = excluded.uploaded_by, uploaded_at = now()")) {
      upsert.setString(1, pluginId);
      upsert.setString(2, version);
      upsert.setString(3, checksum);
      upsert.setBytes(4, archive);
      upsert.setString(5, actor);
      upsert.executeUpdate();
    }
  }

  /** Every plugin's current upload, without the bytes. */
  public static List<Stored> list(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT plugin_id, version, checksum, uploaded_at FROM kameng.plugin_archive"
                    + " ORDER BY plugin_id");
        ResultSet rs = select.executeQuery()) {
      List<Stored> stored = new ArrayList<>();
      while (rs.next()) {
        stored.add(
            new Stored(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
      }
      return stored;
    }
  }

  /** The bytes of the plugin's upload, if it is still the one with {@code checksum}. */
  public static Optional<byte[]> archive(Connection c, String pluginId, String checksum)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT archive FROM kameng.plugin_archive WHERE plugin_id = ? AND checksum = ?")) {
      select.setString(1, pluginId);
      select.setString(2, checksum);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    }
  }
}
