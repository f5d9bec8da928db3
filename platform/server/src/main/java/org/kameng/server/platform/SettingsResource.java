package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.PlatformSettings;
import org.kameng.server.Roles;

/** The platform's run-time settings. */
@Path("/platform/settings")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class SettingsResource {

  @Inject Transactions transactions;
  @Inject JsonWebToken token;

  @GET
  @Operation(summary = "The platform's settings: whether sign-ups need approval")
  public PlatformSettings.Settings get() {
    return transactions.platform(PlatformSettings::read);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the platform's settings; audited")
  public PlatformSettings.Settings put(PlatformSettings.Settings body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String admin = "platform:" + token.getClaim("preferred_username");
    return transactions.platform(
        c -> PlatformSettings.setSignupApproval(c, body.signupApproval(), admin));
  }
}
