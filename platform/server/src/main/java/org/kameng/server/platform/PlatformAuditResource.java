package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.audit.PlatformAudit;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.Roles;

/** What platform admins did, newest first. */
@Path("/platform/audit")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PlatformAuditResource {

  @Inject Transactions transactions;

  @GET
  @Operation(
      summary =
          "Platform admins' actions (suspend, approve, plans, plugins), newest first; page with"
              + " before=<id>")
  public List<PlatformAudit.Entry> recent(
      @QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
    return transactions.platform(c -> PlatformAudit.recent(c, limit == null ? 100 : limit, before));
  }
}
