package org.kameng.kernel.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.crypto.MasterKey;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL that `./kameng test` starts, migrated once per test JVM. Tests isolate from
 * each other the way shops do: each makes its own tenant.
 */
public final class TestDatabase {

  private static final String APP_ROLE = "kameng_app";
  private static volatile TestDatabase instance;

  private final String url;
  private final String ownerPassword;
  private final String appPassword;
  private final MasterKey masterKey;

  private TestDatabase() {
    this.url = env("KAMENG_DB_URL");
    this.ownerPassword = env("KAMENG_DB_PASSWORD");
    this.appPassword = env("KAMENG_DB_APP_PASSWORD");
    this.masterKey = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    Flyway.configure()
        .dataSource(ownerDataSource())
        .schemas("kameng")
        .defaultSchema("kameng")
        .locations("classpath:db/migration")
        .placeholders(Map.of("appRole", APP_ROLE))
        .ignoreMigrationPatterns("*:future", "repeatable:missing")
        .load()
        .migrate();
  }

  /** The migrated test database. */
  public static TestDatabase get() {
    if (instance == null) {
      synchronized (TestDatabase.class) {
        if (instance == null) {
          instance = new TestDatabase();
        }
      }
    }
    return instance;
  }

  /** Connections as the application role: what the server runs as. */
  public DataSource appDataSource() {
    return dataSource(APP_ROLE, appPassword);
  }

  /** Connections as the owner role, for inspecting what the application cannot see. */
  public DataSource ownerDataSource() {
    return dataSource("kameng_owner", ownerPassword);
  }

  public Transactions transactions() {
    return new Transactions(appDataSource());
  }

  public DataKeys dataKeys() {
    return new DataKeys(masterKey);
  }

  public MasterKey masterKey() {
    return masterKey;
  }

  /** A new, active shop with a unique slug. */
  public TenantId newTenant() {
    UUID id = UUID.randomUUID();
    try (Connection c = appDataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO kameng.tenant (id, slug, name, platform_fee_bps) VALUES (?, ?, ?, 250)")) {
      insert.setObject(1, id);
      insert.setString(2, "t" + id.toString().replace("-", "").substring(0, 20));
      insert.setString(3, "Test shop " + id);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new TenantId(id);
  }

  private DataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: kernel tests need the PostgreSQL that `./kameng test` starts");
    }
    return value;
  }
}
