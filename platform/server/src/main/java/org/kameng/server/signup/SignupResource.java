package org.kameng.server.signup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.InvalidSignupException;
import org.kameng.kernel.tenant.PlatformSettings;
import org.kameng.kernel.tenant.ShopSignup;
import org.kameng.kernel.tenant.SlugTakenException;
import org.kameng.kernel.tenant.TenantStatus;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.identity.Credentials;
import org.kameng.server.throttle.Throttle;

/**
 * Self-service sign-up: a reseller gets a Keycloak account, an organisation for the shop with them
 * as owner, and an open shop with an empty catalogue and the manual payment channel.
 */
@Path("/public/signup")
@RequestScoped
public class SignupResource {

  @Inject KeycloakAdmin keycloak;
  @Inject Transactions transactions;
  @Inject Throttle throttle;

  @Context HttpServletRequest request;

  // Sign-ups one address may make per minute: enough for an office behind one NAT, too few to
  // mass-create accounts. Tests that open many shops raise it.
  @Inject
  @ConfigProperty(name = "kameng.signup.per-minute", defaultValue = "10")
  int signupsPerMinute;

  /** What a reseller signs up with. */
  public record SignupBody(String shopName, String slug, String email, String password) {}

  /** The new shop; {@code status} is PENDING while the platform approves sign-ups. */
  public record ShopOpened(String slug, String tenantId, String status) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign up as a reseller and open a shop; then log in with the email")
  public Response signUp(SignupBody body) {
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    String slug = ShopSignup.checkShop(body.shopName(), body.slug());
    String email = Credentials.email(body.email());
    Credentials.password(body.password());
    // Counted once the request could create an account: that is what must not happen en masse.
    if (!throttle.allow(
        new Throttle.Budget("signup-ip:" + request.getRemoteAddr(), signupsPerMinute))) {
      return Response.status(429).build();
    }
    if (transactions.platform(c -> ShopSignup.isTaken(c, slug))) {
      throw new SlugTakenException(slug);
    }
    String userId =
        keycloak
            .createUser(email, body.shopName().strip(), "Owner", body.password())
            .orElseThrow(
                () -> new InvalidSignupException("email", "an account with this email exists"));
    // A platform setting: when on, new shops wait for a platform admin before they take orders.
    boolean approval = transactions.platform(c -> PlatformSettings.read(c).signupApproval());
    String organizationId = null;
    try {
      organizationId = keycloak.createOrganization(slug, body.shopName().strip());
      keycloak.makeOwner(organizationId, userId);
      TenantId tenant = new TenantId(UUID.randomUUID());
      transactions.inTenant(
          tenant,
          c -> {
            ShopSignup.open(
                c,
                tenant,
                slug,
                body.shopName(),
                approval ? TenantStatus.PENDING : TenantStatus.ACTIVE);
            return null;
          });
      return Response.status(Response.Status.CREATED)
          .entity(
              new ShopOpened(
                  slug,
                  tenant.toString(),
                  (approval ? TenantStatus.PENDING : TenantStatus.ACTIVE).name()))
          .build();
    } catch (RuntimeException e) {
      // Undo in reverse: nothing half-created may remain (an account without a shop, say).
      if (organizationId != null) {
        keycloak.deleteQuietly("/organizations/" + organizationId);
      }
      keycloak.deleteQuietly("/users/" + userId);
      throw e;
    }
  }
}
