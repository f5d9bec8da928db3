package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.server.Roles;
import org.kameng.server.plugins.InstalledPlugins;

/** What plugins this server runs, for platform admins. */
@Path("/platform/plugins")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PluginsResource {

  @Inject InstalledPlugins plugins;

  /** An installed extension factory. */
  public record Installed(String pluginId, String pluginVersion, String factoryId, String kind) {}

  /** A plugin archive the server refused to load, and why. */
  public record Refused(String source, String pluginId, String reason) {}

  /** The installed plugins and the refused ones. */
  public record PluginReport(List<Installed> installed, List<Refused> refused) {}

  @GET
  @Operation(summary = "Installed plugins and plugins refused at load, with the reason")
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
    return new PluginReport(installed, refused);
  }
}
