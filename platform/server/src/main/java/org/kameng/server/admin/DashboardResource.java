package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.inventory.LowStock;
import org.kameng.kernel.inventory.StockLevels;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.ShopDashboard;
import org.kameng.kernel.tenancy.Transactions;

/** The first screen of the admin app: today's business and what needs a person. */
@Path("/shops/{slug}/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DashboardResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  /** The dashboard: sales, orders needing action, and SKUs running out of keys. */
  public record Dashboard(ShopDashboard.Figures figures, List<LowStock> lowStock) {}

  @GET
  @Operation(
      summary =
          "Sales today and this month, a 14-day chart, orders needing action and low stock;"
              + " days end at midnight in the time zone tz (an IANA name, default UTC)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Dashboard dashboard(@QueryParam("tz") String tz) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    ZonedDateTime now = ZonedDateTime.now(zone(tz));
    ShopDashboard.Figures figures =
        transactions.inTenant(member.tenant(), c -> ShopDashboard.read(c, now));
    return new Dashboard(figures, new StockLevels(transactions).lowStock(member.tenant()));
  }

  private static ZoneId zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new InvalidOrderException("tz", "Unknown time zone: " + tz);
    }
  }
}
