package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.JpaTenantRepository;
import org.kameng.kernel.tenant.ShopStatus;
import org.kameng.kernel.tenant.Tenant;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.Roles;

/** The platform admin's view of all shops. */
@Path("/platform/tenants")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "keycloak")
public class TenantsResource {

  @Inject JpaTenantRepository tenants;
  @Inject Transactions transactions;
  @Inject JsonWebToken token;

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

  /** Why a shop is suspended. */
  public record Suspension(String reason) {}

  /** Whether the call changed the shop's status. */
  public record StatusChange(boolean changed) {}

  @POST
  @Path("/{id}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suspend a shop: it keeps its data and takes no orders")
  public StatusChange suspend(@PathParam("id") UUID id, Suspension body) {
    String reason = body == null ? null : body.reason();
    TenantId tenant = existing(id);
    return new StatusChange(
        transactions.inTenant(tenant, c -> ShopStatus.suspend(c, tenant, reason, admin())));
  }

  @POST
  @Path("/{id}/resume")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resume a suspended shop")
  public StatusChange resume(@PathParam("id") UUID id) {
    TenantId tenant = existing(id);
    return new StatusChange(
        transactions.inTenant(tenant, c -> ShopStatus.resume(c, tenant, admin())));
  }

  private TenantId existing(UUID id) {
    TenantId tenant = new TenantId(id);
    if (!transactions.platform(c -> ShopStatus.exists(c, tenant))) {
      throw new NotFoundException("No such shop.");
    }
    return tenant;
  }

  private String admin() {
    return "platform:" + token.getClaim("preferred_username");
  }
}
