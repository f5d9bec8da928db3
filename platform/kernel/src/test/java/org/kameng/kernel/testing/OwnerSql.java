package org.kameng.kernel.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * SQL as the owner role, for tests that must change what the application cannot: a trigger that
 * makes one shop's writes fail or records them, a table the test reads afterwards.
 */
public final class OwnerSql {

  private OwnerSql() {}

  /** A name part unique to the shop, usable in identifiers. */
  public static String suffix(ShopFixture shop) {
    return shop.tenant.value().toString().replace('-', '_');
  }

  /**
   * Runs {@code work} with a row trigger on this shop's rows only, of the given {@code timing}
   * ("BEFORE INSERT ON kameng.order_key") and PL/pgSQL {@code body}; its function runs as the
   * owner, so it may write where the application may not. Dropped afterwards.
   */
  public static <T> T withTrigger(ShopFixture shop, String timing, String body, Supplier<T> work) {
    String name = "test_" + suffix(shop);
    String table = timing.substring(timing.lastIndexOf(' ') + 1);
    execute(
        "CREATE FUNCTION kameng."
            + name
            + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN "
            + body
            + " END $$",
        "CREATE TRIGGER "
            + name
            + " "
            + timing
            + " FOR EACH ROW WHEN (NEW.tenant_id = '"
            + shop.tenant.value()
            + "') EXECUTE FUNCTION kameng."
            + name
            + "()");
    try {
      return work.get();
    } finally {
      execute("DROP TRIGGER " + name + " ON " + table, "DROP FUNCTION kameng." + name + "()");
    }
  }

  /** Runs the statements, one after the other, each in its own transaction. */
  public static void execute(String... statements) {
    try (Connection c = TestDatabase.get().ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of every row of a query. */
  public static List<String> strings(String sql) {
    try (Connection c = TestDatabase.get().ownerDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> found = new ArrayList<>();
      while (rs.next()) {
        found.add(rs.getString(1));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
