package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kameng.kernel.tenant.JpaTenantRepository;

/**
 * Inside the real Liberty, with the real WAR: the application's data source connects as a role that
 * owns nothing and cannot bypass row-level security, and the kernel's JPA repository reads through
 * it.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRolesIT {

  @Deployment
  static WebArchive deployment() {
    WebArchive war =
        ShrinkWrap.create(ZipImporter.class, "kameng-it.war")
            .importFrom(new File("target/kameng.war"))
            .as(WebArchive.class);
    // Deployed under its own context root so Arquillian's test runner servlet is reachable.
    war.delete("WEB-INF/ibm-web-ext.xml");
    return war.addClass(DatabaseRolesIT.class);
  }

  @Resource(lookup = "jdbc/kameng")
  DataSource dataSource;

  @Inject JpaTenantRepository tenants;

  @Test
  void applicationRoleIsNotThePrivilegedOne() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_user, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb"
                    + " FROM pg_roles WHERE rolname = current_user")) {
      assertTrue(rs.next());
      assertEquals("kameng_app", rs.getString(1));
      assertFalse(rs.getBoolean(2), "superuser");
      assertFalse(rs.getBoolean(3), "bypasses row-level security");
      assertFalse(rs.getBoolean(4), "creates roles");
      assertFalse(rs.getBoolean(5), "creates databases");
    }
  }

  @Test
  void applicationRoleOwnsNothing() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner"
                    + " WHERE r.rolname = current_user")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void applicationRoleCannotChangeTheSchema() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThrows(SQLException.class, () -> s.execute("CREATE TABLE kameng.intruder (id int)"));
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThrows(
          SQLException.class,
          () -> s.execute("ALTER TABLE kameng.tenant DISABLE ROW LEVEL SECURITY"));
    }
  }

  @Test
  void kernelRepositoryReadsTheMigratedSchema() {
    assertTrue(tenants.findBySlug("demo").isPresent(), "demo shop seeded by the demo migration");
  }
}
