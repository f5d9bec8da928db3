package org.kameng.server.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.payment.PaymentHealth;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.Roles;

/** Payment outcomes per channel across the platform (counts only), for platform admins. */
@Path("/platform/health/payments")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class PaymentHealthResource {

  @Inject Transactions transactions;

  @GET
  @Operation(
      summary =
          "Payments started in the last hours (default 24, at most 720) per channel: succeeded,"
              + " failed, pending and the failure rate")
  public List<PaymentHealth.ChannelHealth> payments(@QueryParam("hours") Integer hours) {
    int window = hours == null ? 24 : hours;
    if (window < 1 || window > 720) {
      throw new BadRequestException("hours must be between 1 and 720.");
    }
    Instant since = Instant.now().minus(Duration.ofHours(window));
    return transactions.platform(c -> PaymentHealth.since(c, since));
  }
}
