package org.kameng.server.admin;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.settings.InvalidSettingsException;
import org.kameng.kernel.settings.NotifierFailures;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.settings.SealedSettings;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.server.admin.ChannelsAdminResource.FieldView;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.ShopPlugins;
import org.kameng.server.plugins.ShopPriceRules;

/**
 * A shop's marketing features (price rules such as coupons) and notifiers (webhooks, mail): which
 * are available, and how each is set up. Owner only, like payment channels; the same rules apply:
 * the plugin checks the values before they save, secret fields are write-only (a response says
 * which are set, leaving one out of a change keeps it), every change bumps the revision.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PluginConfigsAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject ShopPlugins shopPlugins;
  @Inject ShopPriceRules priceRules;
  @Inject PluginCalls calls;

  @PathParam("slug")
  String slug;

  /** A marketing feature or notifier a shop can set up. */
  public record PluginType(
      String id,
      String kind,
      LocalizedText name,
      String pluginVersion,
      Set<String> capabilities,
      List<FieldView> fields) {}

  /**
   * A shop's configuration of a plugin, without any secret. {@code failuresInRow} counts a
   * notifier's deliveries that ended without success since its last success; at the platform's
   * limit the notifier is disabled and {@code autoDisabledAt} / {@code autoDisabledReason} say when
   * and why, until staff enable it again.
   */
  public record PluginConfigView(
      UUID id,
      String plugin,
      String kind,
      String name,
      boolean enabled,
      Map<String, String> settings,
      Set<String> secretsSet,
      long revision,
      boolean installed,
      boolean paused,
      int failuresInRow,
      OffsetDateTime autoDisabledAt,
      String autoDisabledReason,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** A new configuration: every field's value by name, secrets included. */
  public record NewPluginConfig(String plugin, String name, Map<String, String> values) {}

  /**
   * A change. Absent parts stay as they are; in {@code values}, a blank secret keeps the stored one
   * and a blank setting clears it; {@code clearSecrets} removes stored secrets.
   */
  public record PluginConfigPatch(
      String name, Boolean enabled, Map<String, String> values, List<String> clearSecrets) {}

  @GET
  @Path("/plugin-types")
  @Operation(summary = "The marketing features and notifiers this shop may set up, with forms")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<PluginType> types() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    List<PluginType> types = new ArrayList<>();
    for (String kind : List.of(PluginConfigs.MARKETING, PluginConfigs.NOTIFIER)) {
      for (var loaded : shopPlugins.offered(kind, owner.tenant())) {
        var factory = loaded.factory();
        types.add(
            new PluginType(
                factory.id(),
                kindName(kind),
                factory.descriptor().name(),
                loaded.pluginVersion(),
                new TreeSet<>(
                    factory.descriptor().capabilities().stream().map(Enum::name).toList()),
                factory.configSchema().fields().stream()
                    .map(ChannelsAdminResource::field)
                    .toList()));
      }
    }
    return types;
  }

  @GET
  @Path("/plugin-configs")
  @Operation(summary = "The shop's marketing and notifier configurations (never a secret)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<PluginConfigView> list() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(
        owner.tenant(),
        c -> {
          List<SealedSettings.Stored> found =
              new ArrayList<>(PluginConfigs.list(c, PluginConfigs.MARKETING));
          found.addAll(PluginConfigs.list(c, PluginConfigs.NOTIFIER));
          Map<UUID, NotifierFailures.State> states = NotifierFailures.states(c);
          return found.stream().map(s -> view(owner, s, states.get(s.id()))).toList();
        });
  }

  @GET
  @Path("/plugin-configs/{id}")
  @Operation(summary = "One marketing or notifier configuration (never a secret)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public PluginConfigView get(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions
        .inTenant(
            owner.tenant(),
            c -> {
              Optional<SealedSettings.Stored> found = find(c, id);
              return found.isEmpty()
                  ? Optional.<PluginConfigView>empty()
                  : Optional.of(view(c, owner, found.get()));
            })
        .orElseThrow(() -> new NotFoundException("No such plugin configuration in this shop."));
  }

  @POST
  @Path("/plugin-configs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set up a marketing feature or notifier; the plugin checks the values first")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response create(NewPluginConfig body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String kind =
        ShopPlugins.kindOf(body.plugin())
            .orElseThrow(
                () ->
                    new InvalidSettingsException(
                        "plugin", "is required: a marketing-… or notifier-… plugin id"));
    SettingsEdit values =
        SettingsEdit.create(shopPlugins.secretFields(body.plugin()), body.values());
    shopPlugins.validate(body.plugin(), values.merged(), owner.tenant());
    SealedSettings.Stored created =
        transactions.inTenant(
            owner.tenant(),
            c ->
                PluginConfigs.create(
                    c,
                    dataKeys.forTenant(c, owner.tenant()),
                    kind,
                    body.plugin(),
                    body.name(),
                    values.settings(),
                    values.newSecrets(),
                    owner.username()));
    // Orders on this instance price with it from now on; on other instances within seconds.
    priceRules.forget(owner.tenant());
    return Response.status(Response.Status.CREATED).entity(view(owner, created, null)).build();
  }

  @PATCH
  @Path("/plugin-configs/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename, enable or disable a marketing feature or notifier, or change it")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public PluginConfigView update(@PathParam("id") UUID id, PluginConfigPatch body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    PluginConfigView updated =
        transactions.inTenant(
            owner.tenant(),
            c -> {
              find(c, id)
                  .orElseThrow(
                      () -> new NotFoundException("No such plugin configuration in this shop."));
              var cipher = dataKeys.forTenant(c, owner.tenant());
              var current = PluginConfigs.resolve(c, cipher, id).orElseThrow();
              Set<String> secretNames = shopPlugins.secretFields(current.plugin());
              SettingsEdit edit =
                  SettingsEdit.apply(
                      current.values(), secretNames, body.values(), body.clearSecrets());
              // Checked as it will be, stored secrets included; turning a configuration off needs
              // no
              // check, so a shop can always switch off a plugin that has since become unavailable.
              boolean onlyDisabling =
                  body.values() == null
                      && edit.cleared().isEmpty()
                      && Boolean.FALSE.equals(body.enabled());
              if (!onlyDisabling) {
                shopPlugins.validate(current.plugin(), edit.merged(), owner.tenant());
              }
              SealedSettings.Change change =
                  new SealedSettings.Change(
                      body.name(),
                      body.enabled(),
                      body.values() == null ? null : edit.settings(),
                      edit.newSecrets(),
                      edit.cleared());
              SealedSettings.Stored stored =
                  PluginConfigs.update(c, cipher, id, change, owner.username()).orElseThrow();
              return view(c, owner, stored);
            });
    // Orders on this instance price with the change from now on; on other instances within seconds.
    priceRules.forget(owner.tenant());
    return updated;
  }

  private static Optional<SealedSettings.Stored> find(Connection c, UUID id) throws SQLException {
    var found = PluginConfigs.find(c, PluginConfigs.MARKETING, id);
    return found.isPresent() ? found : PluginConfigs.find(c, PluginConfigs.NOTIFIER, id);
  }

  private PluginConfigView view(Connection c, ShopAccess.Member owner, SealedSettings.Stored s)
      throws SQLException {
    return view(owner, s, NotifierFailures.states(c).get(s.id()));
  }

  private PluginConfigView view(
      ShopAccess.Member owner, SealedSettings.Stored s, NotifierFailures.State state) {
    NotifierFailures.State known =
        state == null ? new NotifierFailures.State(0, Optional.empty(), Optional.empty()) : state;
    return new PluginConfigView(
        s.id(),
        s.plugin(),
        ShopPlugins.kindOf(s.plugin()).map(PluginConfigsAdminResource::kindName).orElse(null),
        s.name(),
        s.enabled(),
        s.settings(),
        s.secretsSet(),
        s.revision(),
        shopPlugins.factory(s.plugin()).isPresent(),
        calls.isOpen(owner.tenant().value() + "/" + s.id()),
        known.failuresInRow(),
        known.autoDisabledAt().orElse(null),
        known.autoDisabledReason().orElse(null),
        s.createdAt(),
        s.updatedAt());
  }

  private static String kindName(String kind) {
    return PluginConfigs.MARKETING.equals(kind) ? "MARKETING" : "NOTIFIER";
  }
}
