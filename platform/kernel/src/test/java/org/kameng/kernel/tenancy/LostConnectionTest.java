package org.kameng.kernel.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.ConnectionSource;
import org.kameng.kernel.testing.ShopFixture;

/**
 * A pooled connection whose session the database ended (a restart, an administrator's {@code
 * pg_terminate_backend}) fails the work it is handed. Before the commit was sent nothing of that
 * work was committed, so it runs again on another connection and succeeds; that is what lets the
 * server's pool hand out connections without testing each with an extra query. A connection lost
 * during the commit is not retried: the commit may have happened.
 */
class LostConnectionTest {

  private final ShopFixture shop = ShopFixture.withCardKeyProduct(1000);
  private final DataSource app = shop.db.appDataSource();

  @Test
  void workOnAConnectionEndedBeforeItBeganRunsAgainOnAnotherAndCommitsOnce() throws Exception {
    Connection ended = app.getConnection();
    terminate(pid(ended));
    AtomicInteger runs = new AtomicInteger();
    String note = "lost-before-" + UUID.randomUUID();

    Handing pool = new Handing(ended, app);
    int keys =
        new Transactions(pool)
            .inTenant(
                shop.tenant,
                c -> {
                  runs.incrementAndGet();
                  return insertKeyNoted(c, note);
                });

    assertEquals(1, keys);
    assertEquals(2, pool.taken, "connections taken: the ended one, then a fresh one");
    // The ended session failed on the transaction's first statement, before the work began.
    assertEquals(1, runs.get());
    assertEquals(1, keysNoted(note));
  }

  @Test
  void aConnectionLostDuringTheCommitIsNotRetried() throws Exception {
    Connection doomed = app.getConnection();
    int pid = pid(doomed);
    AtomicInteger runs = new AtomicInteger();
    String note = "lost-at-commit-" + UUID.randomUUID();
    Handing pool = new Handing(doomed, app);

    assertThrows(
        StorageException.class,
        () ->
            new Transactions(pool)
                .inTenant(
                    shop.tenant,
                    c -> {
                      runs.incrementAndGet();
                      insertKeyNoted(c, note);
                      // The session ends after the work, before its commit reaches the database.
                      terminate(pid);
                      return null;
                    }));

    assertEquals(1, runs.get(), "work whose commit may have happened was run again");
    assertEquals(1, pool.taken);
    assertEquals(0, keysNoted(note), "the ended session's work was committed");
  }

  private int insertKeyNoted(Connection c, String note) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.card_key (tenant_id, sku_id, fingerprint, secret, key_version,"
                + " note) VALUES (kameng.current_tenant(), ?, ?, '\\x00', 1, ?)")) {
      insert.setObject(1, shop.skuId);
      insert.setBytes(2, note.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      insert.setString(3, note);
      return insert.executeUpdate();
    }
  }

  private int keysNoted(String note) {
    return shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement count =
                  c.prepareStatement("SELECT count(*) FROM kameng.card_key WHERE note = ?")) {
                count.setString(1, note);
                try (ResultSet rs = count.executeQuery()) {
                  rs.next();
                  return rs.getInt(1);
                }
              }
            });
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Ends a session of the application role, as a restart would, and waits until it is gone. */
  private void terminate(int pid) throws SQLException {
    try (Connection c = app.getConnection();
        PreparedStatement end = c.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
      end.setInt(1, pid);
      try (ResultSet rs = end.executeQuery()) {
        rs.next();
        assertEquals(true, rs.getBoolean(1), "session " + pid + " did not end");
      }
    }
  }

  /** Hands out the given connection first, as a pool hands out one it kept, then new ones. */
  private static final class Handing extends ConnectionSource {
    private final Deque<Connection> first = new ArrayDeque<>();
    private final DataSource then;
    int taken;

    Handing(Connection first, DataSource then) {
      this.first.add(first);
      this.then = then;
    }

    @Override
    public Connection getConnection() throws SQLException {
      taken++;
      Connection kept = first.poll();
      return kept != null ? kept : then.getConnection();
    }
  }
}
