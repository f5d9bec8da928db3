package org.kameng.kernel.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What PostgreSQL itself counted ({@code pg_stat_statements}) for the application role: every
 * statement the server ran, BEGIN, COMMIT and SAVEPOINT included, with its calls and execution
 * time. Read before and after a phase, it gives statements per flow where no JDBC wrapper can see
 * them (inside the server). Needs the extension, which {@code ./kameng bench checkout-http} loads
 * (and {@code checkout} with {@code KAMENG_BENCH_STATEMENTS=1}, with planning time tracked too).
 */
final class StatementStats {

  private record Row(String query, long calls, double execMs, double planMs, long walBytes) {}

  // Keyed by the normalised text: the driver names each savepoint anew, one entry per name.
  private final Map<String, Row> rows;

  private StatementStats(Map<String, Row> rows) {
    this.rows = rows;
  }

  /** The figures so far, or null if the extension is not installed in this database. */
  static StatementStats readIfLoaded(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
      return rs.next() ? read(db) : null;
    }
  }

  static StatementStats read(DataSource db) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT calls, total_exec_time, total_plan_time, query, wal_bytes FROM pg_stat_statements"
                    + " WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = current_user)")) {
      while (rs.next()) {
        String query =
            rs.getString(4)
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll("SAVEPOINT_\\d+", "SAVEPOINT_n");
        rows.merge(
            query,
            new Row(query, rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(5)),
            (a, b) ->
                new Row(
                    a.query,
                    a.calls + b.calls,
                    a.execMs + b.execMs,
                    a.planMs + b.planMs,
                    a.walBytes + b.walBytes));
      }
    }
    return new StatementStats(rows);
  }

  /** Prints statements per flow since {@code before}, the {@code top} most frequent listed. */
  void printSince(StatementStats before, long flows, int top) {
    List<Row> delta = new ArrayList<>();
    rows.forEach(
        (id, now) -> {
          Row then = before.rows.getOrDefault(id, new Row(now.query, 0, 0, 0, 0));
          if (now.calls > then.calls) {
            delta.add(
                new Row(
                    now.query,
                    now.calls - then.calls,
                    now.execMs - then.execMs,
                    now.planMs - then.planMs,
                    now.walBytes - then.walBytes));
          }
        });
    delta.sort(Comparator.comparingLong(Row::calls).reversed());
    long calls = delta.stream().mapToLong(Row::calls).sum();
    double ms = delta.stream().mapToDouble(Row::execMs).sum();
    double planMs = delta.stream().mapToDouble(Row::planMs).sum();
    long walBytes = delta.stream().mapToLong(Row::walBytes).sum();
    // Planning time is 0 unless pg_stat_statements.track_planning is on.
    System.out.printf(
        "    statements per flow (pg_stat_statements): %.1f, executing for %.2f ms,"
            + " planning for %.2f ms, writing %,d bytes of WAL%n",
        (double) calls / flows, ms / flows, planMs / flows, walBytes / flows);
    for (Row row : delta.subList(0, Math.min(top, delta.size()))) {
      String query = row.query;
      System.out.printf(
          "      %5.2f x %6.3f ms (+ plan %6.3f ms, %,6d B WAL)  %s%n",
          (double) row.calls / flows,
          row.execMs / row.calls,
          row.planMs / row.calls,
          row.walBytes / row.calls,
          query.length() > 130 ? query.substring(0, 130) + " ..." : query);
    }
  }
}
