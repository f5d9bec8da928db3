package org.kameng.server.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, before the application serves
 * anything. Runs as the owner role through its own non-transactional data source; Flyway's advisory
 * lock makes it safe when several replicas start at once. Readiness stays DOWN until it has
 * finished (see {@code DatabaseReadiness}).
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/kameng-migration")
  DataSource ownerDataSource;

  @Inject
  @ConfigProperty(name = "kameng.db.app.user")
  String appRole;

  @Inject
  @ConfigProperty(name = "kameng.demo")
  boolean demo;

  @Inject Event<SchemaReady> schemaReady;

  /** Fired once the schema is current, for work that needs it (the demo shop's stock). */
  public record SchemaReady(boolean demo) {}

  private volatile String failure;
  private volatile boolean done;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrate();
  }

  /** Applies pending migrations; records a failure for the readiness check instead of throwing. */
  synchronized void migrate() {
    if (done) {
      return;
    }
    try {
      List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
      if (demo) {
        locations.add("classpath:db/demo");
      }
      MigrateResult result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(ownerDataSource)
              .schemas("kameng")
              .createSchemas(true)
              .defaultSchema("kameng")
              .locations(locations.toArray(String[]::new))
              .placeholders(Map.of("appRole", appRole))
              .validateMigrationNaming(true)
              // Liberty's class loader hides folders inside jars unless they hold a marker file
              // (db/*/flyway.location); without this, a missed folder would look "up to date".
              .failOnMissingLocations(true)
              // A database that once ran the demo seed still starts without it.
              .ignoreMigrationPatterns("*:future", "repeatable:missing")
              .load()
              .migrate();
      LOG.info(
          () ->
              "Schema at version "
                  + result.targetSchemaVersion
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied)");
      done = true;
      schemaReady.fire(new SchemaReady(demo));
    } catch (RuntimeException e) {
      failure = e.getMessage();
      LOG.severe(() -> "Schema migration failed: " + e);
    }
  }

  /** True once the schema is current. */
  public boolean isDone() {
    return done;
  }

  /** Why the last migration failed, or null. */
  public String failure() {
    return failure;
  }
}
