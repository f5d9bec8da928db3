package org.kameng.server.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.kameng.server.schema.SchemaMigration;

/**
 * Ready means: the schema is migrated and the application role can reach the database. A load
 * balancer sends no traffic to an instance that cannot serve an order.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject SchemaMigration migration;

  @Resource(lookup = "jdbc/kameng")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    if (!migration.isDone()) {
      // The health endpoint is public: say that it failed, the server log says why.
      String state = migration.failure() == null ? "migrating" : "migration failed";
      return response.down().withData("schema", state).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean valid = connection.isValid(2);
      return response.status(valid).withData("schema", "current").build();
    } catch (SQLException e) {
      return response.down().withData("schema", "unreachable").build();
    }
  }
}
