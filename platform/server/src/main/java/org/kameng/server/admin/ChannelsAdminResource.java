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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.payment.ChannelConfigs;
import org.kameng.kernel.payment.ChannelConfigs.ChannelChange;
import org.kameng.kernel.payment.ChannelConfigs.ChannelSettings;
import org.kameng.kernel.payment.ConfirmManualPayment;
import org.kameng.kernel.payment.InvalidChannelException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PluginCalls;

/**
 * A shop's payment channels: which are offered to buyers and how each is set up. Only the owner may
 * see or change them. Secret fields are write-only: a response says which are set, never what they
 * are; leaving a secret out of a change keeps it.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ChannelsAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;

  @PathParam("slug")
  String slug;

  /** A field of a channel's settings form. */
  public record FieldView(
      String name,
      String type,
      LocalizedText label,
      boolean required,
      boolean secret,
      String pattern,
      List<OptionView> options,
      String defaultValue) {}

  /** A choice of an ENUM field. */
  public record OptionView(String value, LocalizedText label) {}

  /** A channel a shop can set up. */
  public record ChannelType(
      String id,
      LocalizedText name,
      String pluginVersion,
      Set<String> capabilities,
      List<FieldView> fields) {}

  /** A shop's configuration of a channel, without any secret. */
  public record ChannelView(
      UUID id,
      String channel,
      String name,
      boolean enabled,
      Map<String, String> settings,
      Set<String> secretsSet,
      long revision,
      boolean installed,
      boolean paused,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** A new configuration: every field's value by name, secrets included. */
  public record NewChannel(String channel, String name, Map<String, String> values) {}

  /**
   * A change. Absent parts stay as they are; in {@code values}, a blank secret keeps the stored one
   * and a blank setting clears it; {@code clearSecrets} removes stored secrets.
   */
  public record ChannelPatch(
      String name, Boolean enabled, Map<String, String> values, List<String> clearSecrets) {}

  @GET
  @Path("/channel-types")
  @Operation(summary = "The payment channels this platform offers, with their settings forms")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<ChannelType> types() {
    List<ChannelType> types = new java.util.ArrayList<>();
    types.add(
        new ChannelType(
            ConfirmManualPayment.CHANNEL,
            LocalizedText.of("人工收款", "Manual payment"),
            null,
            Set.of(),
            List.of()));
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    for (var loaded : channels.offered(owner.tenant())) {
      var factory = loaded.factory();
      types.add(
          new ChannelType(
              factory.id(),
              factory.descriptor().name(),
              loaded.pluginVersion(),
              new TreeSet<>(factory.descriptor().capabilities().stream().map(Enum::name).toList()),
              factory.configSchema().fields().stream().map(ChannelsAdminResource::field).toList()));
    }
    return types;
  }

  @GET
  @Path("/channels")
  @Operation(summary = "The shop's payment channel configurations (secrets are never returned)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<ChannelView> list() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(owner.tenant(), ChannelConfigs::list).stream()
        .map(s -> view(owner, s))
        .toList();
  }

  @GET
  @Path("/channels/{id}")
  @Operation(summary = "One payment channel configuration (secrets are never returned)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public ChannelView get(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions
        .inTenant(owner.tenant(), c -> ChannelConfigs.find(c, id))
        .map(s -> view(owner, s))
        .orElseThrow(() -> new NotFoundException("No such payment channel in this shop."));
  }

  @POST
  @Path("/channels")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set up a payment channel; the plugin checks the settings before they save")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response create(NewChannel body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    if (body.channel() == null || body.channel().isBlank()) {
      throw new InvalidChannelException("channel", "is required");
    }
    SettingsEdit values = SettingsEdit.create(channels.secretFields(body.channel()), body.values());
    channels.validate(body.channel(), values.merged(), owner.tenant());
    ChannelSettings created =
        transactions.inTenant(
            owner.tenant(),
            c ->
                ChannelConfigs.create(
                    c,
                    dataKeys.forTenant(c, owner.tenant()),
                    body.channel(),
                    body.name(),
                    values.settings(),
                    values.newSecrets(),
                    owner.username()));
    return Response.status(Response.Status.CREATED).entity(view(owner, created)).build();
  }

  @PATCH
  @Path("/channels/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename, enable or disable a channel, or change its settings")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public ChannelView update(@PathParam("id") UUID id, ChannelPatch body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    ChannelView updated =
        transactions.inTenant(
            owner.tenant(),
            c -> {
              var cipher = dataKeys.forTenant(c, owner.tenant());
              var current =
                  ChannelConfigs.resolve(c, cipher, id)
                      .orElseThrow(
                          () -> new NotFoundException("No such payment channel in this shop."));
              Set<String> secretNames = channels.secretFields(current.channel());
              SettingsEdit edit =
                  SettingsEdit.apply(
                      current.values(), secretNames, body.values(), body.clearSecrets());
              // The whole configuration is checked as it will be, stored secrets included.
              channels.validate(current.channel(), edit.merged(), owner.tenant());
              ChannelChange change =
                  new ChannelChange(
                      body.name(),
                      body.enabled(),
                      body.values() == null ? null : edit.settings(),
                      edit.newSecrets(),
                      edit.cleared());
              return ChannelConfigs.update(c, cipher, id, change, owner.username())
                  .map(s -> view(owner, s))
                  .orElseThrow();
            });
    // Payments on this instance use the new settings at once; other instances within seconds.
    channels.forget(owner.tenant(), id);
    return updated;
  }

  private ChannelView view(ShopAccess.Member owner, ChannelSettings s) {
    boolean installed =
        ConfirmManualPayment.CHANNEL.equals(s.channel())
            || channels.factory(s.channel()).isPresent();
    return new ChannelView(
        s.id(),
        s.channel(),
        s.name(),
        s.enabled(),
        s.settings(),
        s.secretsSet(),
        s.revision(),
        installed,
        calls.isOpen(owner.tenant().value() + "/" + s.id()),
        s.createdAt(),
        s.updatedAt());
  }

  static FieldView field(ConfigField f) {
    return new FieldView(
        f.name(),
        f.type().name(),
        f.label(),
        f.required(),
        f.secret(),
        f.pattern().orElse(null),
        f.options().stream().map(o -> new OptionView(o.value(), o.label())).toList(),
        f.defaultValue().orElse(null));
  }
}
