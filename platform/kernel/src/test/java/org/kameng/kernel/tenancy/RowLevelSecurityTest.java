package org.kameng.kernel.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.ConnectionPerThread;
import org.kameng.kernel.testing.TestDatabase;
import org.kameng.plugin.api.TenantId;

/** T2: PostgreSQL itself keeps every tenant's rows apart, whatever the application forgets. */
class RowLevelSecurityTest {

  private final TestDatabase db = TestDatabase.get();

  @Test
  void everyTableWithATenantIdHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
    List<String> unprotected = new ArrayList<>();
    try (Connection c = db.ownerDataSource().getConnection();
        PreparedStatement tables =
            c.prepareStatement(
                """
                SELECT cls.relname, cls.relrowsecurity, cls.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = cls.oid)
                  FROM pg_class cls
                  JOIN pg_namespace ns ON ns.oid = cls.relnamespace
                 WHERE ns.nspname = 'kameng' AND cls.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cls.oid
                                 AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                """);
        ResultSet rs = tables.executeQuery()) {
      int checked = 0;
      while (rs.next()) {
        String table = rs.getString(1);
        checked++;
        // Platform-level by design: the job queue (runners claim across tenants) and which shops
        // a platform admin approved for a plugin (platform data about shops, not a shop's data).
        if (table.equals("job") || table.equals("plugin_tenant_approval")) {
          continue;
        }
        if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
          unprotected.add(table);
        }
      }
      assertTrue(checked > 10, "expected the kernel's tenant tables, found " + checked);
    }
    assertEquals(List.of(), unprotected, "tenant tables without forced row-level security");
  }

  @Test
  void aTransactionWithNoTenantSeesNoTenantRows() {
    TenantId shop = db.newTenant();
    Transactions tx = db.transactions();
    tx.inTenant(shop, c -> insertCategory(c, shop, "Game cards"));

    assertEquals(1, tx.inTenant(shop, RowLevelSecurityTest::countCategories));
    assertEquals(0, tx.platform(RowLevelSecurityTest::countCategories));
  }

  @Test
  void aTenantCannotWriteRowsOfAnotherTenant() {
    TenantId mine = db.newTenant();
    TenantId theirs = db.newTenant();
    StorageException refused =
        assertThrows(
            StorageException.class,
            () -> db.transactions().inTenant(mine, c -> insertCategory(c, theirs, "Planted")));
    assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
    assertEquals(0, db.transactions().inTenant(theirs, RowLevelSecurityTest::countCategories));
  }

  @Test
  void oneConnectionServingInterleavedTenantsLeaksNothing() throws SQLException {
    TenantId a = db.newTenant();
    TenantId b = db.newTenant();
    // On this one thread the pool hands out the same physical connection every time.
    try (ConnectionPerThread onlyOne = new ConnectionPerThread(db.appDataSource())) {
      Transactions pooled = new Transactions(onlyOne);
      pooled.inTenant(a, c -> insertCategory(c, a, "A1"));
      pooled.inTenant(b, c -> insertCategory(c, b, "B1"));
      pooled.inTenant(a, c -> insertCategory(c, a, "A2"));
      for (int round = 0; round < 5; round++) {
        assertEquals(2, pooled.inTenant(a, RowLevelSecurityTest::countCategories));
        assertEquals(1, pooled.inTenant(b, RowLevelSecurityTest::countCategories));
        assertEquals(0, pooled.platform(RowLevelSecurityTest::countCategories));
      }
      // A failed transaction must not leave its tenant behind either.
      assertThrows(
          IllegalStateException.class,
          () ->
              pooled.inTenant(
                  a,
                  c -> {
                    throw new IllegalStateException("boom");
                  }));
      assertEquals(0, pooled.platform(RowLevelSecurityTest::countCategories));
    }
  }

  private static Void insertCategory(Connection c, TenantId tenant, String name)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO kameng.category (tenant_id, id, name) VALUES (?, ?, ?)")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, UUID.randomUUID());
      insert.setString(3, name);
      insert.executeUpdate();
    }
    return null;
  }

  private static int countCategories(Connection c) throws SQLException {
    try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM kameng.category");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
