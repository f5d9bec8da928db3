package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.catalog.WholesaleTiers;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.admin.CatalogViews.SkuView;
import org.kameng.server.admin.CatalogViews.TierView;

/**
 * A shop's SKUs and their wholesale tiers, for owner and staff. SKUs are created under their
 * product ({@link ProductsAdminResource}).
 */
@Path("/shops/{slug}/catalog/skus")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class SkusAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @PUT
  @Path("/{skuId}")
  @Operation(summary = "Change a SKU's name, price, cost, quantity limits and stock alert")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public SkuView update(@PathParam("skuId") UUID skuId, SkuDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    SkuDraft draft = CatalogBodies.required(body);
    return CatalogViews.sku(
        transactions.inTenant(member.tenant(), c -> Skus.update(c, member.tenant(), skuId, draft)));
  }

  @PUT
  @Path("/{skuId}/visibility")
  @Operation(summary = "Show or hide a SKU on the storefront")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void visibility(@PathParam("skuId") UUID skuId, CatalogBodies.Visibility body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    boolean visible = CatalogBodies.required(body).required();
    transactions.inTenant(
        member.tenant(),
        c -> {
          Skus.setVisible(c, member.tenant(), skuId, visible);
          return null;
        });
  }

  @DELETE
  @Path("/{skuId}")
  @Operation(summary = "Delete a SKU without card keys or orders (409: hide it instead)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void delete(@PathParam("skuId") UUID skuId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    transactions.inTenant(
        member.tenant(),
        c -> {
          Skus.delete(c, member.tenant(), skuId);
          return null;
        });
  }

  @PUT
  @Path("/{skuId}/tiers")
  @Operation(
      summary = "Replace a SKU's wholesale tiers (from 2 units, rising, not above its price)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<TierView> tiers(@PathParam("skuId") UUID skuId, CatalogBodies.Tiers body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CatalogBodies.Tiers tiers = CatalogBodies.required(body);
    return CatalogViews.tiers(
        transactions.inTenant(
            member.tenant(),
            c -> WholesaleTiers.replace(c, member.tenant(), skuId, tiers.tiers())));
  }
}
