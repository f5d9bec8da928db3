package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.inventory.CardKeyListing;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.tenancy.Transactions;

/**
 * A SKU's card keys one by one, for the admin app: listed without the key itself (staff), and one
 * key shown in the clear on purpose, audited (owner, like the export).
 */
@Path("/shops/{slug}/skus/{skuId}/key-list")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class KeyListResource {

  private static final Set<String> STATES = Set.of("AVAILABLE", "RESERVED", "SOLD");

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;

  @PathParam("slug")
  String slug;

  @PathParam("skuId")
  UUID skuId;

  @GET
  @Operation(
      summary =
          "The SKU's keys, newest first, never the key itself; status AVAILABLE, RESERVED or SOLD;"
              + " before: the id of the last key of the previous page")
  @Extension(name = "x-kameng-role", value = "STAFF")
  public List<CardKeyListing.ListedKey> list(
      @QueryParam("status") String status,
      @QueryParam("before") String before,
      @QueryParam("limit") Integer limit) {
    ShopAccess.Member member = access.require(slug, ShopRole.STAFF);
    if (status != null && !status.isBlank() && !STATES.contains(status)) {
      throw new InvalidOrderException("status", "AVAILABLE, RESERVED or SOLD");
    }
    Long beforeId = before == null || before.isBlank() ? null : keyId("before", before);
    return new CardKeyListing(transactions, dataKeys)
        .page(
            member.tenant(),
            skuId,
            status == null || status.isBlank() ? null : status,
            beforeId,
            limit == null ? 50 : limit);
  }

  @POST
  @Path("/{keyId}/reveal")
  @Operation(summary = "Show one key in the clear (owner only); the reveal is audited")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public Response reveal(@PathParam("keyId") String keyId) {
    // The path parameter is parsed after the role check: a staff member learns nothing from it.
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    CardKeyListing.RevealedKey key =
        new CardKeyListing(transactions, dataKeys)
            .reveal(owner.tenant(), skuId, keyId("keyId", keyId), owner.username())
            .orElseThrow(() -> new NotFoundException("No such key."));
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(key).cacheControl(noStore).build();
  }

  private static long keyId(String field, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidOrderException(field, "not a key id");
    }
  }
}
