package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernel's pool hands out connections without testing each one first (server.xml): when the
 * database ended the sessions it kept (a restart, a failover, an administrator), the next checkout
 * must still succeed, because the kernel runs work again on a fresh connection when the one it got
 * was broken before the commit.
 */
class LostConnectionsIT {

  private static final String SECRET = "lost-connections-it-2c26b46b68ffc68ff99b453c1d3041";

  @Test
  void aCheckoutRightAfterTheDatabaseEndedThePooledSessionsSucceeds() throws Exception {
    FreshShop shop = FreshShop.selling("lostconn", "3.00", 3);
    String channel = shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SECRET));
    // Orders and lookups leave the kernel's connections in its pool.
    JsonPath first = shop.order(channel);
    shop.lookup(first.getString("token"));

    int ended = endIdleKernelSessions();
    assertTrue(ended > 0, "no pooled kernel session to end");

    JsonPath placed = shop.order(channel);
    assertEquals("PENDING_PAYMENT", shop.lookup(placed.getString("token")).getString("status"));
  }

  /**
   * Ends the kernel pool's idle sessions as the database would on a restart. Only idle ones: other
   * tests' requests in flight on this server are not this test's to break.
   */
  private static int endIdleKernelSessions() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                System.getenv("KAMENG_DB_URL"),
                "kameng_app",
                System.getenv("KAMENG_DB_APP_PASSWORD"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))"
                    + " FROM pg_stat_activity WHERE application_name = 'kameng-kernel'"
                    + " AND state = 'idle' AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
