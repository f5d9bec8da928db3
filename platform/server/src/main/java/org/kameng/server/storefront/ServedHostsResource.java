package org.kameng.server.storefront;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Answers the TLS-terminating proxy in front of the platform, which asks before it obtains a
 * certificate for a host it has not seen (Caddy's on-demand TLS {@code ask}): yes for a host that
 * serves a shop, no for anything else. It tells no more than requesting the host itself would, so
 * it needs no credentials; it must answer no for every host nobody verified, or anyone could make
 * the proxy request certificates for names of their choosing.
 */
@Path("/public/served-hosts")
@RequestScoped
public class ServedHostsResource {

  @Inject ShopHosts shops;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(
      summary =
          "For the TLS proxy: 200 if the host serves a shop (a shop's sub-domain or a verified"
              + " custom domain), 404 otherwise")
  public String served(@QueryParam("domain") String domain) {
    if (domain == null || domain.length() > 260 || shops.findNow(domain).isEmpty()) {
      throw new NotFoundException("No shop is served at this host.");
    }
    return "yes";
  }
}
