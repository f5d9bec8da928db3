package org.kameng.server.signup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.Invitations;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.identity.Credentials;
import org.kameng.server.throttle.Throttle;

/**
 * Accepting an invitation to a shop: the invited person chooses a password, gets an account with
 * the invited email, and joins the shop in the invited role. The invitation is used once.
 */
@Path("/public/invitations/accept")
@RequestScoped
public class InvitationsResource {

  @Inject KeycloakAdmin keycloak;
  @Inject Transactions transactions;
  @Inject Throttle throttle;

  @Context HttpServletRequest request;

  /** The invitation's token and the new account's password and name. */
  public record Acceptance(String token, String password, String name) {}

  /** The shop joined; log in with the email. */
  public record Joined(String slug, String email, String role) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept an invitation: create the account and join the shop")
  public Response accept(Acceptance body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    Credentials.password(body.password());
    if (!throttle.allow(new Throttle.Budget("invite-ip:" + request.getRemoteAddr(), 20))) {
      return Response.status(429).build();
    }
    TenantId shop =
        Invitations.shopOf(body.token())
            .orElseThrow(() -> new NotFoundException("No such invitation, or it has expired."));
    String name = body.name() == null || body.name().isBlank() ? "Staff" : body.name().strip();
    return transactions.inTenant(
        shop,
        c -> {
          // The row stays locked until the membership exists: one token, one account.
          Invitations.Redeemable invitation =
              Invitations.redeemable(c, body.token())
                  .filter(i -> i.tenant().equals(shop))
                  .orElseThrow(
                      () -> new NotFoundException("No such invitation, or it has expired."));
          String slug = slugOf(c);
          String organization =
              keycloak
                  .organizationId(slug)
                  .orElseThrow(() -> new NotFoundException("The shop no longer exists."));
          Optional<String> created =
              keycloak.createUser(
                  invitation.email(),
                  name.length() > 60 ? name.substring(0, 60) : name,
                  "Member",
                  body.password());
          // Registered meanwhile: the account of that address joins; the password here is unused.
          String userId =
              created.orElseGet(() -> keycloak.userIdByEmail(invitation.email()).orElseThrow());
          keycloak.setMember(organization, userId, invitation.role() == Invitations.Role.OWNER);
          Invitations.accepted(c, invitation, userId);
          return Response.status(Response.Status.CREATED)
              .entity(new Joined(slug, invitation.email(), invitation.role().name()))
              .build();
        });
  }

  private static String slugOf(java.sql.Connection c) throws java.sql.SQLException {
    try (var select =
            c.prepareStatement(
                "SELECT slug FROM kameng.tenant WHERE id = kameng.current_tenant()");
        var rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new NotFoundException("The shop no longer exists.");
      }
      return rs.getString(1);
    }
  }
}
