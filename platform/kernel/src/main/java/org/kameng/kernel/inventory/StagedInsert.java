package org.kameng.kernel.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Writes one sealed batch in the caller's transaction: COPY into a staging table that the commit
 * drops, then one {@code INSERT ... ON CONFLICT DO NOTHING}, so the unique index {@code (tenant_id,
 * sku_id, fingerprint)} decides what is new and whatever it refuses is a duplicate.
 *
 * <p>Everything here is repeatable: {@code Transactions} may run it again after a deadlock.
 */
final class StagedInsert {

  /** The batch's counters, and the loop key the database refused (or null). */
  record Result(ImportCounts batch, Rejection refusedLoopKey) {}

  private static final String CREATE_STAGE =
      "CREATE TEMP TABLE card_key_stage (line bigint NOT NULL, fingerprint bytea NOT NULL,"
          + " secret bytea NOT NULL, note text) ON COMMIT DROP";
  private static final String COPY =
      "COPY pg_temp.card_key_stage (line, fingerprint, secret, note) FROM STDIN (FORMAT binary)";
  // In line order, so keys are sold in the order they were listed.
  private static final String INSERT =
      """
      INSERT INTO kameng.card_key
             (tenant_id, sku_id, fingerprint, secret, key_version, note, import_id)
      SELECT ?, ?, s.fingerprint, s.secret, ?, s.note, ?
        FROM pg_temp.card_key_stage s
      %s
       ORDER BY s.line
      ON CONFLICT (tenant_id, sku_id, fingerprint) DO NOTHING
      """;
  private static final String ONLY_INTO_EMPTY_SKU =
      "WHERE NOT EXISTS (SELECT 1 FROM kameng.card_key k WHERE k.tenant_id = ? AND k.sku_id = ?)";

  private StagedInsert() {}

  static Result write(Connection connection, ImportRun run, SealedBatch batch, PhaseClock clock)
      throws SQLException {
    long inserted = 0;
    Rejection refused = null;
    if (batch.staged() > 0) {
      stage(connection, batch.copyRows(), clock);
      if (run.sku().loopKey()) {
        run.sku().lock(connection, run.tenant());
        inserted = insert(connection, run, true, clock);
        refused = inserted == 0 ? refusedLoopKey(connection, run, batch) : null;
      } else {
        inserted = insert(connection, run, false, clock);
      }
    }
    int refusedCount = refused == null ? 0 : 1;
    long duplicates = batch.duplicatesInBatch() + batch.staged() - inserted - refusedCount;
    ImportCounts counts =
        new ImportCounts(
            batch.lines(),
            batch.blank(),
            inserted,
            duplicates,
            batch.rejections().size() + refusedCount);
    return new Result(counts, refused);
  }

  private static void stage(Connection connection, byte[] rows, PhaseClock clock)
      throws SQLException {
    try (Statement create = connection.createStatement()) {
      create.execute(CREATE_STAGE);
    }
    long started = System.nanoTime();
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(COPY, new ByteArrayInputStream(rows));
    } catch (IOException e) {
      throw new SQLException("COPY into the staging table failed", "08006", e);
    }
    clock.copy(System.nanoTime() - started);
  }

  private static long insert(
      Connection connection, ImportRun run, boolean loopKey, PhaseClock clock) throws SQLException {
    long started = System.nanoTime();
    String sql = INSERT.formatted(loopKey ? ONLY_INTO_EMPTY_SKU : "");
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setObject(1, run.tenant().value());
      insert.setObject(2, run.sku().id());
      insert.setInt(3, run.cipher().version());
      insert.setObject(4, run.id());
      if (loopKey) {
        insert.setObject(5, run.tenant().value());
        insert.setObject(6, run.sku().id());
      }
      long inserted = insert.executeLargeUpdate();
      clock.insert(System.nanoTime() - started);
      return inserted;
    }
  }

  // The loop key was not inserted: a duplicate if the SKU holds this very key, else refused.
  private static Rejection refusedLoopKey(Connection connection, ImportRun run, SealedBatch batch)
      throws SQLException {
    SealedBatch.StagedKey candidate = batch.loopKeyCandidate();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM kameng.card_key WHERE tenant_id = ? AND sku_id = ? AND fingerprint = ?")) {
      select.setObject(1, run.tenant().value());
      select.setObject(2, run.sku().id());
      select.setBytes(3, candidate.fingerprint());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? null : new Rejection(candidate.line(), RejectReason.LOOP_KEY_TAKEN);
      }
    }
  }
}
