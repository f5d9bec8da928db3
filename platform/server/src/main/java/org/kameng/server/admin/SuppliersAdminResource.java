package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.InvalidSupplierException;
import org.kameng.kernel.upstream.Markup;
import org.kameng.kernel.upstream.SupplierConfigs;
import org.kameng.kernel.upstream.SupplierConfigs.SupplierChange;
import org.kameng.kernel.upstream.SupplierConfigs.SupplierSettings;
import org.kameng.kernel.upstream.UpstreamLinks;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamStock;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.SupplierConnectors;

/**
 * A shop's upstream suppliers (docking, the downstream side): the connector configurations (secret
 * fields write-only, checked by the connector before they save), the upstream's catalogue, and
 * local UPSTREAM products made from or linked to its items. Only the owner, since a supplier spends
 * the shop's money upstream.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class SuppliersAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject SupplierConnectors connectors;
  @Inject PluginCalls calls;

  @PathParam("slug")
  String slug;

  /** A connector a shop can set up, with its settings form. */
  public record SupplierType(
      String id, LocalizedText name, String pluginVersion, List<SupplierField> fields) {}

  /** A field of a connector's settings form. */
  public record SupplierField(
      String name, String type, LocalizedText label, boolean required, boolean secret) {}

  /** A shop's supplier configuration, without any secret. */
  public record SupplierView(
      UUID id,
      String connector,
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
  public record NewSupplier(String connector, String name, Map<String, String> values) {}

  /** A change; like a payment channel's, a blank secret keeps the stored one. */
  public record SupplierPatch(
      String name, Boolean enabled, Map<String, String> values, List<String> clearSecrets) {}

  /** One item of the upstream's catalogue. */
  public record ItemView(
      String upstreamId, String name, Money price, String stock, List<String> buyerInputs) {}

  /**
   * Make a local UPSTREAM product from an upstream item; {@code floorMargin} (an amount, none is 0)
   * is the least kept per unit above the upstream cost after the platform's fee.
   */
  public record ImportBody(
      String upstreamItemId,
      String markupKind,
      String markupValue,
      String floorMargin,
      UUID categoryId) {}

  /** A linked SKU's pricing rule, which the sync re-prices it by. */
  public record PricingBody(String markupKind, String markupValue, String floorMargin) {}

  /** Link an existing UPSTREAM SKU to an upstream item. */
  public record LinkBody(UUID supplierId, String upstreamItemId) {}

  @GET
  @Path("/supplier-types")
  @Operation(summary = "The supplier connectors this shop may set up, with their settings forms")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<SupplierType> types() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return connectors.offered(owner.tenant()).stream()
        .map(
            loaded ->
                new SupplierType(
                    loaded.factory().id(),
                    loaded.factory().descriptor().name(),
                    loaded.pluginVersion(),
                    loaded.factory().configSchema().fields().stream()
                        .map(
                            f ->
                                new SupplierField(
                                    f.name(),
                                    f.type().name(),
                                    f.label(),
                                    f.required(),
                                    f.secret()
                                        || f.type()
                                            == org.kameng.plugin.api.config.FieldType.SECRET))
                        .toList()))
        .toList();
  }

  @GET
  @Path("/suppliers")
  @Operation(summary = "The shop's supplier configurations (secrets are never returned)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<SupplierView> list() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(owner.tenant(), SupplierConfigs::list).stream()
        .map(s -> view(owner, s))
        .toList();
  }

  @POST
  @Path("/suppliers")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set up a supplier; the connector checks the settings before they save")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response create(NewSupplier body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    if (body.connector() == null || body.connector().isBlank()) {
      throw new InvalidSupplierException("connector", "is required");
    }
    SettingsEdit values =
        SettingsEdit.create(connectors.secretFields(body.connector()), body.values());
    connectors.validate(body.connector(), values.merged(), owner.tenant());
    SupplierSettings created =
        transactions.inTenant(
            owner.tenant(),
            c ->
                SupplierConfigs.create(
                    c,
                    dataKeys.forTenant(c, owner.tenant()),
                    body.connector(),
                    body.name(),
                    values.settings(),
                    values.newSecrets(),
                    owner.username()));
    return Response.status(Response.Status.CREATED).entity(view(owner, created)).build();
  }

  @PATCH
  @Path("/suppliers/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename, enable or disable a supplier, or change its settings")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public SupplierView update(@PathParam("id") UUID id, SupplierPatch body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    return transactions.inTenant(
        owner.tenant(),
        c -> {
          var cipher = dataKeys.forTenant(c, owner.tenant());
          var current =
              SupplierConfigs.resolve(c, cipher, id)
                  .orElseThrow(() -> new NotFoundException("No such supplier in this shop."));
          Set<String> secretNames = connectors.secretFields(current.connector());
          SettingsEdit edit =
              SettingsEdit.apply(current.values(), secretNames, body.values(), body.clearSecrets());
          connectors.validate(current.connector(), edit.merged(), owner.tenant());
          return SupplierConfigs.update(
                  c,
                  cipher,
                  id,
                  new SupplierChange(
                      body.name(),
                      body.enabled(),
                      body.values() == null ? null : edit.settings(),
                      edit.newSecrets(),
                      edit.cleared()),
                  owner.username())
              .map(s -> view(owner, s))
              .orElseThrow();
        });
  }

  @GET
  @Path("/suppliers/{id}/catalogue")
  @Operation(summary = "The upstream's catalogue with this shop's cost, as the connector lists it")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<ItemView> catalogue(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    requireConfig(transactions, owner, id);
    return connectors.catalogue(owner.tenant(), id).stream()
        .map(
            item ->
                new ItemView(
                    item.upstreamId(),
                    item.name(),
                    item.price(),
                    stock(item.stock()),
                    item.buyerInputs().stream().map(f -> f.name()).toList()))
        .toList();
  }

  @POST
  @Path("/suppliers/{id}/imports")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Make a local UPSTREAM product from an upstream item, priced by a markup rule and never"
              + " below the upstream cost")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response importItem(@PathParam("id") UUID id, ImportBody body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    requireConfig(transactions, owner, id);
    UpstreamItem item = item(owner, id, body.upstreamItemId());
    String currency = item.price().currency();
    UpstreamLinks.Pricing pricing =
        new UpstreamLinks.Pricing(
            Markup.parse(body.markupKind(), body.markupValue(), currency),
            UpstreamLinks.Pricing.parseFloorMargin(body.floorMargin(), currency));
    UpstreamLinks.Imported imported =
        transactions.inTenant(
            owner.tenant(),
            c ->
                UpstreamLinks.importItem(
                    c,
                    owner.tenant(),
                    id,
                    new UpstreamLinks.Item(item.upstreamId(), item.name(), item.price()),
                    pricing,
                    body.categoryId(),
                    owner.username()));
    return Response.status(Response.Status.CREATED).entity(imported).build();
  }

  @PUT
  @Path("/skus/{skuId}/upstream")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Link an UPSTREAM SKU to an upstream item; the cost is read from upstream")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public UpstreamLinks.Link link(@PathParam("skuId") UUID skuId, LinkBody body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null || body.supplierId() == null) {
      throw new InvalidSupplierException("supplierId", "is required");
    }
    requireConfig(transactions, owner, body.supplierId());
    UpstreamItem item = item(owner, body.supplierId(), body.upstreamItemId());
    return transactions.inTenant(
        owner.tenant(),
        c ->
            UpstreamLinks.link(
                c,
                owner.tenant(),
                skuId,
                body.supplierId(),
                new UpstreamLinks.Item(item.upstreamId(), item.name(), item.price()),
                owner.username()));
  }

  @GET
  @Path("/skus/{skuId}/upstream")
  @Operation(summary = "An UPSTREAM SKU's link: the upstream item, its cost and the pricing rule")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public UpstreamLinks.Link linkOf(@PathParam("skuId") UUID skuId) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions
        .inTenant(owner.tenant(), c -> UpstreamLinks.find(c, skuId))
        .orElseThrow(() -> new NotFoundException("The SKU is not linked to an upstream item."));
  }

  @PUT
  @Path("/skus/{skuId}/upstream/pricing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Change a linked SKU's pricing rule (markup and floor margin); the SKU is priced by it at"
              + " once from the recorded cost and the sync re-prices it by it")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public UpstreamLinks.Link pricing(@PathParam("skuId") UUID skuId, PricingBody body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    return transactions.inTenant(
        owner.tenant(),
        c -> {
          UpstreamLinks.Link link =
              UpstreamLinks.find(c, skuId)
                  .orElseThrow(
                      () -> new NotFoundException("The SKU is not linked to an upstream item."));
          String currency = link.cost().currency();
          UpstreamLinks.Pricing pricing =
              new UpstreamLinks.Pricing(
                  Markup.parse(body.markupKind(), body.markupValue(), currency),
                  UpstreamLinks.Pricing.parseFloorMargin(body.floorMargin(), currency));
          return UpstreamLinks.setPricing(c, owner.tenant(), skuId, pricing, owner.username());
        });
  }

  /**
   * @throws NotFoundException if the shop has no such supplier configuration
   */
  static void requireConfig(Transactions transactions, ShopAccess.Member owner, UUID id) {
    if (transactions.inTenant(owner.tenant(), c -> SupplierConfigs.revision(c, id)).isEmpty()) {
      throw new NotFoundException("No such supplier in this shop.");
    }
  }

  // The cost is what the upstream says now, never what the caller claims.
  private UpstreamItem item(ShopAccess.Member owner, UUID configId, String upstreamItemId) {
    if (upstreamItemId == null || upstreamItemId.isBlank()) {
      throw new InvalidSupplierException("upstreamItemId", "is required");
    }
    return connectors.catalogue(owner.tenant(), configId).stream()
        .filter(i -> i.upstreamId().equals(upstreamItemId))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidSupplierException(
                    "upstreamItemId", "the upstream's catalogue has no such item"));
  }

  private static String stock(UpstreamStock stock) {
    return stock instanceof UpstreamStock.Exact exact
        ? Long.toString(exact.count())
        : ((UpstreamStock.Banded) stock).band().name();
  }

  private SupplierView view(ShopAccess.Member owner, SupplierSettings s) {
    return new SupplierView(
        s.id(),
        s.connector(),
        s.name(),
        s.enabled(),
        s.settings(),
        s.secretsSet(),
        s.revision(),
        connectors.factory(s.connector()).isPresent(),
        calls.isOpen(SupplierConnectors.circuit(owner.tenant(), s.id())),
        s.createdAt(),
        s.updatedAt());
  }
}
