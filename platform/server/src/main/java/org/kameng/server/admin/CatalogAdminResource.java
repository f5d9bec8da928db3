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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.catalog.AdminCatalog;
import org.kameng.kernel.catalog.CatalogEntries;
import org.kameng.kernel.catalog.Categories;
import org.kameng.kernel.catalog.CategoryDraft;
import org.kameng.kernel.tenancy.Transactions;

/**
 * A shop's catalog as a whole and its categories, for its owner and staff. Products and SKUs are
 * under {@link ProductsAdminResource} and {@link SkusAdminResource}.
 */
@Path("/shops/{slug}/catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class CatalogAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @GET
  @Operation(
      summary =
          "The whole catalog: categories, products and SKUs, hidden ones too, with stock counts")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public CatalogViews.CatalogView catalog() {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    return CatalogViews.catalog(
        transactions.inTenant(member.tenant(), c -> AdminCatalog.list(c, member.tenant())));
  }

  @POST
  @Path("/categories")
  @Operation(summary = "Create a category, top-level or under a top-level one")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public Response createCategory(CategoryDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CategoryDraft draft = CatalogBodies.required(body);
    CatalogEntries.Category created =
        transactions.inTenant(member.tenant(), c -> Categories.create(c, member.tenant(), draft));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @PUT
  @Path("/categories/{categoryId}")
  @Operation(summary = "Rename a category or move it (categories nest one level only)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public CatalogEntries.Category updateCategory(
      @PathParam("categoryId") UUID categoryId, CategoryDraft body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CategoryDraft draft = CatalogBodies.required(body);
    return transactions.inTenant(
        member.tenant(), c -> Categories.update(c, member.tenant(), categoryId, draft));
  }

  @DELETE
  @Path("/categories/{categoryId}")
  @Operation(summary = "Delete an empty category (409 while it holds products or subcategories)")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void deleteCategory(@PathParam("categoryId") UUID categoryId) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    transactions.inTenant(
        member.tenant(),
        c -> {
          Categories.delete(c, member.tenant(), categoryId);
          return null;
        });
  }

  @PUT
  @Path("/categories/order")
  @Operation(summary = "Show the listed categories in this order")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public void reorderCategories(CatalogBodies.Positions body) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    CatalogBodies.Positions positions = CatalogBodies.required(body);
    transactions.inTenant(
        member.tenant(),
        c -> {
          Categories.reorder(c, member.tenant(), positions.ids());
          return null;
        });
  }
}
