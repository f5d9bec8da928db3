package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.audit.AuditQueries;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.tenancy.Transactions;

/** The shop's money and its record of actions: for the owner only. */
@Path("/shops/{slug}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ShopBooksResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;

  @PathParam("slug")
  String slug;

  @GET
  @Path("/ledger")
  @Operation(summary = "Balances of the shop's ledger accounts, per currency (owner only)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<Ledger.Balance> ledger() {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(member.tenant(), Ledger::balances);
  }

  @GET
  @Path("/audit")
  @Operation(summary = "The shop's audit log, newest first (owner only)")
  @Extension(name = "x-kameng-role", value = "OWNER")
  public List<AuditQueries.Entry> audit(@QueryParam("limit") Integer limit) {
    ShopAccess.Member member = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(
        member.tenant(), c -> AuditQueries.recent(c, limit == null ? 100 : limit));
  }
}
