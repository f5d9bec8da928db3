package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.UpstreamSyncs;

/**
 * A supplier's price and stock sync as its shop's owner sees it: how the runs went, and a run
 * requested now. The configurations themselves are {@link SuppliersAdminResource}'s.
 */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class SupplierSyncAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @GET
  @Path("/suppliers/{id}/sync")
  @Operation(
      summary =
          "How the supplier's price and stock sync went: the last run's time and result, the next"
              + " run, and the SKUs it took off sale with the reason")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public UpstreamSyncs.SyncState sync(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    SuppliersAdminResource.requireConfig(transactions, owner, id);
    return transactions
        .inTenant(owner.tenant(), c -> UpstreamSyncs.find(c, id))
        .orElseGet(
            () ->
                new UpstreamSyncs.SyncState(
                    id, 0, null, null, null, 0, 0, 0, 0, null, List.of(), List.of()));
  }

  @POST
  @Path("/suppliers/{id}/sync")
  @Operation(
      summary =
          "Sync the supplier's linked SKUs now (in the background, within seconds); the schedule"
              + " goes on as before")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response syncNow(@PathParam("id") UUID id) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    SuppliersAdminResource.requireConfig(transactions, owner, id);
    transactions.inTenant(owner.tenant(), c -> UpstreamSyncs.requestNow(c, owner.tenant(), id));
    return Response.accepted().build();
  }
}
