package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.catalog.AdminCatalog;
import org.kameng.kernel.catalog.CatalogEntries;
import org.kameng.kernel.catalog.InputFields;
import org.kameng.kernel.catalog.ProductDraft;
import org.kameng.kernel.catalog.Products;
import org.kameng.kernel.catalog.SkuDraft;
import org.kameng.kernel.catalog.Skus;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.admin.CatalogViews.ProductView;
import org.kameng.server.admin.CatalogViews.SkuView;

/** A shop's products with their input fields, and the SKUs added to them; for owner and staff. */
@Path("/shops/{slug}/catalog/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ProductsAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @POST
  @Operation(summary = "Create a visible product; its SKUs are added next")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Response create(ProductDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    ProductDraft draft = CatalogBodies.required(body);
    ProductView created =
        CatalogViews.product(
            transactions.inTenant(
                member.tenant(), c -> Products.create(c, member.tenant(), draft)));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Path("/{productId}")
  @Operation(summary = "One product with its SKUs, stock, wholesale tiers and input fields")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public ProductView product(@PathParam("productId") UUID productId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return CatalogViews.product(
        transactions.inTenant(
            member.tenant(), c -> AdminCatalog.product(c, member.tenant(), productId)));
  }

  @PUT
  @Path("/{productId}")
  @Operation(summary = "Change a product (the fulfilment is fixed once keys or orders exist)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public ProductView update(@PathParam("productId") UUID productId, ProductDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    ProductDraft draft = CatalogBodies.required(body);
    return CatalogViews.product(
        transactions.inTenant(
            member.tenant(), c -> Products.update(c, member.tenant(), productId, draft)));
  }

  @PUT
  @Path("/{productId}/visibility")
  @Operation(summary = "Show or hide a product on the storefront")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void visibility(@PathParam("productId") UUID productId, CatalogBodies.Visibility body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    boolean visible = CatalogBodies.required(body).required();
    transactions.inTenant(
        member.tenant(),
        c -> {
          Products.setVisible(c, member.tenant(), productId, visible);
          return null;
        });
  }

  @DELETE
  @Path("/{productId}")
  @Operation(summary = "Delete a product never stocked or sold (409: hide it instead)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void delete(@PathParam("productId") UUID productId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    transactions.inTenant(
        member.tenant(),
        c -> {
          Products.delete(c, member.tenant(), productId);
          return null;
        });
  }

  @PUT
  @Path("/order")
  @Operation(summary = "Show the listed products in this order")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void reorder(CatalogBodies.Positions body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    List<UUID> ids = CatalogBodies.required(body).ids();
    transactions.inTenant(
        member.tenant(),
        c -> {
          Products.reorder(c, member.tenant(), ids);
          return null;
        });
  }

  @PUT
  @Path("/{productId}/input-fields")
  @Operation(summary = "Replace the inputs a buyer fills in for this product")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<CatalogEntries.InputField> inputFields(
      @PathParam("productId") UUID productId, CatalogBodies.InputFields body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CatalogBodies.InputFields fields = CatalogBodies.required(body);
    return transactions.inTenant(
        member.tenant(), c -> InputFields.replace(c, member.tenant(), productId, fields.fields()));
  }

  @POST
  @Path("/{productId}/skus")
  @Operation(summary = "Add a SKU to a product, priced in the shop's currency")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Response createSku(@PathParam("productId") UUID productId, SkuDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    SkuDraft draft = CatalogBodies.required(body);
    SkuView created =
        CatalogViews.sku(
            transactions.inTenant(
                member.tenant(), c -> Skus.create(c, member.tenant(), productId, draft)));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PUT
  @Path("/{productId}/skus/order")
  @Operation(summary = "Show the listed SKUs of a product in this order")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void reorderSkus(@PathParam("productId") UUID productId, CatalogBodies.Positions body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    List<UUID> ids = CatalogBodies.required(body).ids();
    transactions.inTenant(
        member.tenant(),
        c -> {
          Skus.reorder(c, member.tenant(), productId, ids);
          return null;
        });
  }
}
