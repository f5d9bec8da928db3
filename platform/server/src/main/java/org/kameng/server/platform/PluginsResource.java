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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.Roles;
import org.kameng.server.plugins.InstalledPlugins;

/** What plugins this platform runs, for platform admins: install, upgrade, disable. */
@Path("/platform/plugins")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PluginsResource {

  @Inject InstalledPlugins plugins;
  @Inject Transactions transactions;

  @Context SecurityContext security;

  /** An installed extension factory. */
  public record Installed(String pluginId, String pluginVersion, String factoryId, String kind) {}

  /** A plugin archive the server refused to load, and why. */
  public record Refused(String source, String pluginId, String reason) {}

  /**
   * The installed plugins, the refused ones, and the registry of every plugin the platform has
   * known (removed ones included, so old configurations and orders still name something).
   */
  public record PluginReport(
      List<Installed> installed, List<Refused> refused, List<PluginRegistry.Entry> registry) {}

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
    return new PluginReport(installed, refused, transactions.platform(PluginRegistry::list));
  }

  @POST
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary =
          "Install or upgrade a plugin from its PF4J zip; shops' configurations carry over. The"
              + " archive is tried alone first: one the host refuses never replaces a working version")
  public Response install(InputStream archive) throws IOException {
    String id = plugins.install(archive, actor());
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

  private PluginRegistry.Entry setDisabled(String pluginId, boolean disabled) {
    PluginRegistry.Entry entry =
        transactions
            .platform(c -> PluginRegistry.setDisabled(c, pluginId, disabled, actor()))
            .orElseThrow(() -> new NotFoundException("No such plugin."));
    plugins.refreshDisabled();
    audit(disabled ? "plugin.disable" : "plugin.enable", pluginId, entry.version());
    return entry;
  }

  private void audit(String action, String pluginId, String version) {
    transactions.platform(
        c -> {
          PlatformAudit.record(
              c,
              "platform:" + actor(),
              action,
              "plugin:" + pluginId,
              new FlatJson().put("version", version).toString());
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
