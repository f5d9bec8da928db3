package org.kameng.kernel.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * An import as recorded so far: its counters are updated with every committed batch, so a client
 * can follow a long import's progress from any server instance.
 *
 * @param rejectionsJson the rejected lines (number and reason, never content), a JSON array
 */
public record ImportStatus(
    UUID id,
    UUID skuId,
    String status,
    long linesProcessed,
    long imported,
    long duplicates,
    long rejected,
    String rejectionsJson,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  /** The current tenant's import with this id, if any. */
  public static Optional<ImportStatus> of(Connection c, UUID importId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT sku_id, status, total_lines, imported, duplicates, rejected, report::text,"
                + " created_at, finished_at FROM kameng.card_key_import WHERE id = ?")) {
      select.setObject(1, importId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ImportStatus(
                importId,
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class)));
      }
    }
  }
}
