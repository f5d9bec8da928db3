package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopStatus;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.Roles;
import org.kameng.server.plugins.InstalledPlugins;
import org.kameng.server.plugins.PluginAvailability;

/** What plugins this platform runs, for platform admins: install, upgrade, disable. */
@Path("/platform/plugins")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PluginsResource {

  @Inject InstalledPlugins plugins;
  @Inject PluginAvailability availability;
  @Inject Transactions transactions;

  @Context SecurityContext security;

  /** An installed extension factory. */
  public record Installed(String pluginId, String pluginVersion, String factoryId, String kind) {}

  /** A plugin archive the server refused to load, and why. */
  public record Refused(String source, String pluginId, String reason) {}

  /**
   * The installed plugins, the refused ones, and the registry of every plugin the platform has
   * known (removed ones included, so old configurations and orders still name something); {@code
   * sync} is this instance's last comparison with the uploads every instance installs.
   */
  public record PluginReport(
      List<Installed> installed,
      List<Refused> refused,
      List<PluginRegistry.Entry> registry,
      InstalledPlugins.SyncReport sync) {}

  @GET
  @Operation(summary = "Installed plugins, plugins refused at load with the reason, the registry")
  public PluginReport list() {
    List<Installed> installed =
        plugins.paymentChannels().stream()
            .map(
                f ->
                    new Installed(
                        f.pluginId(), f.pluginVersion(), f.factory().id(), "PAYMENT_CHANNEL"))
            .toList();
    List<Refused> refused =
        plugins.failures().stream()
            .map(
                f ->
                    new Refused(
                        f.source().getFileName().toString(), f.pluginId().orElse(null), f.reason()))
            .toList();
    return new PluginReport(
        installed, refused, transactions.platform(PluginRegistry::list), plugins.lastSync());
  }

  @POST
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary =
          "Install or upgrade a plugin from its PF4J zip; shops' configurations carry over. The"
              + " archive is tried alone first: one the host refuses never replaces a working version")
  public Response install(InputStream archive) throws IOException {
    String id = plugins.install(archive, actor());
    availability.forget(id);
    PluginRegistry.Entry entry = entry(id);
    audit("plugin.install", id, entry.version());
    return Response.status(Response.Status.CREATED).entity(entry).build();
  }

  @POST
  @Path("/{pluginId}/disable")
  @Operation(summary = "Stop offering a plugin to shops; payments under way still complete")
  public PluginRegistry.Entry disable(@PathParam("pluginId") String pluginId) {
    return setDisabled(pluginId, true);
  }

  @POST
  @Path("/{pluginId}/enable")
  @Operation(summary = "Offer a disabled plugin to shops again")
  public PluginRegistry.Entry enable(@PathParam("pluginId") String pluginId) {
    return setDisabled(pluginId, false);
  }

  /** Which shops may use a plugin. */
  public record AvailabilityChange(PluginRegistry.Availability availability) {}

  @PUT
  @Path("/{pluginId}/availability")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Offer a plugin to every shop (ALL) or only to shops a platform admin approved"
              + " (APPROVED), e.g. a sandbox kept from real buyers")
  public PluginRegistry.Entry availability(
      @PathParam("pluginId") String pluginId, AvailabilityChange body) {
    if (body == null || body.availability() == null) {
      throw new BadRequestException("availability (ALL or APPROVED) is required.");
    }
    PluginRegistry.Entry entry =
        transactions
            .platform(c -> PluginRegistry.setAvailability(c, pluginId, body.availability()))
            .orElseThrow(() -> new NotFoundException("No such plugin."));
    // Payments started on this instance from now on see it; other instances within seconds.
    availability.forget(pluginId);
    audit(
        "plugin.availability." + body.availability().name().toLowerCase(),
        pluginId,
        entry.version());
    return entry;
  }

  @GET
  @Path("/{pluginId}/tenants")
  @Operation(summary = "The shops approved for a plugin")
  public List<UUID> approvedShops(@PathParam("pluginId") String pluginId) {
    entry(pluginId, () -> new NotFoundException("No such plugin."));
    return transactions.platform(c -> PluginRegistry.approvedShops(c, pluginId));
  }

  @PUT
  @Path("/{pluginId}/tenants/{tenantId}")
  @Operation(summary = "Approve a shop for a plugin that is offered to approved shops only")
  public Response approve(
      @PathParam("pluginId") String pluginId, @PathParam("tenantId") UUID tenantId) {
    entry(pluginId, () -> new NotFoundException("No such plugin."));
    if (!transactions.platform(c -> ShopStatus.exists(c, new TenantId(tenantId)))) {
      throw new NotFoundException("No such shop.");
    }
    boolean approved =
        transactions.platform(c -> PluginRegistry.approve(c, pluginId, tenantId, actor()));
    availability.forget(pluginId);
    if (approved) {
      audit("plugin.approve-shop", pluginId, "shop:" + tenantId);
    }
    return Response.noContent().build();
  }

  @DELETE
  @Path("/{pluginId}/tenants/{tenantId}")
  @Operation(summary = "Withdraw a shop's approval; its payments under way still complete")
  public Response revoke(
      @PathParam("pluginId") String pluginId, @PathParam("tenantId") UUID tenantId) {
    boolean revoked = transactions.platform(c -> PluginRegistry.revoke(c, pluginId, tenantId));
    availability.forget(pluginId);
    if (!revoked) {
      throw new NotFoundException("That shop is not approved for this plugin.");
    }
    audit("plugin.revoke-shop", pluginId, "shop:" + tenantId);
    return Response.noContent().build();
  }

  private PluginRegistry.Entry entry(
      String pluginId, java.util.function.Supplier<RuntimeException> missing) {
    return transactions.platform(c -> PluginRegistry.find(c, pluginId)).orElseThrow(missing);
  }

  private PluginRegistry.Entry setDisabled(String pluginId, boolean disabled) {
    PluginRegistry.Entry entry =
        transactions
            .platform(c -> PluginRegistry.setDisabled(c, pluginId, disabled, actor()))
            .orElseThrow(() -> new NotFoundException("No such plugin."));
    plugins.refreshDisabled();
    availability.forget(pluginId);
    audit(disabled ? "plugin.disable" : "plugin.enable", pluginId, entry.version());
    return entry;
  }

  private void audit(String action, String pluginId, String detail) {
    transactions.platform(
        c -> {
          PlatformAudit.record(
              c,
              "platform:" + actor(),
              action,
              "plugin:" + pluginId,
              new FlatJson().put("detail", detail).toString());
          return null;
        });
  }

  private PluginRegistry.Entry entry(String pluginId) {
    return transactions
        .platform(c -> PluginRegistry.find(c, pluginId))
        .orElseThrow(() -> new IllegalStateException("installed plugin missing: " + pluginId));
  }

  private String actor() {
    return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
  }
}
