package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.JpaTenantRepository;
import org.kameng.kernel.tenant.ShopFigures;
import org.kameng.kernel.tenant.ShopPlan;
import org.kameng.kernel.tenant.ShopStatus;
import org.kameng.kernel.tenant.Tenant;
import org.kameng.kernel.tenant.TenantStatus;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.Roles;
import org.kameng.server.signup.KeycloakAdmin;
import org.kameng.server.storefront.ShopHosts;

/** The platform admin's view of all shops. */
@Path("/platform/tenants")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "keycloak")
public class TenantsResource {

  @Inject JpaTenantRepository tenants;
  @Inject ShopHosts shops;
  @Inject Transactions transactions;
  @Inject JsonWebToken token;
  @Inject KeycloakAdmin keycloak;

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
  @Operation(summary = "Shops on the platform, searched by slug or name, optionally by status")
  public List<TenantSummary> list(
      @QueryParam("search") String search,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit) {
    return tenants.search(search, parseStatus(status), limit == null ? 100 : limit).stream()
        .map(TenantSummary::of)
        .toList();
  }

  /** A member of a shop, as its Keycloak organisation holds it; {@code role} is OWNER or STAFF. */
  public record Member(String userId, String email, String name, String role) {}

  /** One shop with its figures and its members. */
  public record TenantDetail(TenantSummary shop, ShopFigures figures, List<Member> members) {}

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One shop with its orders by status, revenue, products, stock and members")
  public TenantDetail detail(@PathParam("id") UUID id) {
    TenantId tenant = new TenantId(id);
    Tenant shop =
        tenants.findById(tenant).orElseThrow(() -> new NotFoundException("No such shop."));
    return new TenantDetail(
        TenantSummary.of(shop),
        transactions.inTenant(tenant, ShopFigures::read),
        members(shop.slug()));
  }

  // Keycloak holds memberships (ADR 0004): the shop's organisation, owners in its "owners" group.
  private List<Member> members(String slug) {
    Optional<String> org = keycloak.organizationId(slug);
    if (org.isEmpty()) {
      return List.of();
    }
    Set<String> owners = keycloak.groupMembers(org.get(), "owners");
    return keycloak.members(org.get()).stream()
        .map(
            u ->
                new Member(
                    u.id(), u.email(), u.name(), owners.contains(u.id()) ? "OWNER" : "STAFF"))
        .toList();
  }

  private static TenantStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return TenantStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Unknown shop status: " + status);
    }
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
    boolean changed =
        transactions.inTenant(tenant, c -> ShopStatus.suspend(c, tenant, reason, admin()));
    // This instance's storefront shows the change at once; others within their cache's age.
    shops.forget(tenant);
    return new StatusChange(changed);
  }

  @POST
  @Path("/{id}/resume")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Resume a suspended shop")
  public StatusChange resume(@PathParam("id") UUID id) {
    TenantId tenant = existing(id);
    boolean changed = transactions.inTenant(tenant, c -> ShopStatus.resume(c, tenant, admin()));
    // This instance's storefront shows the change at once; others within their cache's age.
    shops.forget(tenant);
    return new StatusChange(changed);
  }

  @POST
  @Path("/{id}/approve")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve a shop that signed up while sign-ups need approval")
  public StatusChange approve(@PathParam("id") UUID id) {
    TenantId tenant = existing(id);
    boolean changed = transactions.inTenant(tenant, c -> ShopStatus.approve(c, tenant, admin()));
    // This instance's storefront shows the change at once; others within their cache's age.
    shops.forget(tenant);
    return new StatusChange(changed);
  }

  @GET
  @Path("/{id}/plan")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A shop's plan: its limits (null = none) and the platform fee rate")
  public ShopPlan.Plan plan(@PathParam("id") UUID id) {
    TenantId tenant = existing(id);
    return transactions.platform(c -> ShopPlan.of(c, tenant)).orElseThrow();
  }

  @PATCH
  @Path("/{id}/plan")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a shop's plan, limits (products, card keys, staff) or platform fee; audited")
  public ShopPlan.Plan changePlan(@PathParam("id") UUID id, ShopPlan.PlanChange body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    TenantId tenant = existing(id);
    return transactions
        .inTenant(tenant, c -> ShopPlan.change(c, tenant, body, admin()))
        .orElseThrow(() -> new NotFoundException("No such shop."));
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
