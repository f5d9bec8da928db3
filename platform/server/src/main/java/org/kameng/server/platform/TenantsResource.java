package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenant.JpaTenantRepository;
import org.kameng.kernel.tenant.Tenant;
import org.kameng.server.Roles;

/** The platform admin's view of all shops. */
@Path("/platform/tenants")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "keycloak")
public class TenantsResource {

  @Inject JpaTenantRepository tenants;

  /** A shop as the platform admin sees it in a list. */
  public record TenantSummary(
      String id,
      String slug,
      String name,
      String status,
      String defaultCurrency,
      OffsetDateTime createdAt) {

    static TenantSummary of(Tenant tenant) {
      return new TenantSummary(
          tenant.id().toString(),
          tenant.slug(),
          tenant.name(),
          tenant.status().name(),
          tenant.defaultCurrency(),
          tenant.createdAt());
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "All shops on the platform (platform admins only)")
  public List<TenantSummary> list() {
    return tenants.listAll().stream().map(TenantSummary::of).toList();
  }
}
