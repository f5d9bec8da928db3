package org.kameng.kernel.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.kameng.plugin.api.TenantId;

/** Writes jobs into the queue as part of the caller's transaction. */
public final class Jobs {

  private Jobs() {}

  /**
   * Enqueues a job in the caller's transaction: it exists if and only if that transaction commits.
   * With a {@code dedupeKey}, a job of the same kind and key that is still waiting or running
   * absorbs this one.
   *
   * @param payloadJson a JSON object, the job's input
   * @return true if a job was written, false if an unfinished duplicate absorbed it
   */
  public static boolean enqueue(
      Connection connection,
      TenantId tenant,
      String kind,
      String payloadJson,
      String dedupeKey,
      Instant runAt)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)"
                + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setString(2, kind);
      insert.setString(3, dedupeKey);
      insert.setString(4, payloadJson);
      insert.setTimestamp(5, Timestamp.from(runAt));
      return insert.executeUpdate() == 1;
    }
  }
}
