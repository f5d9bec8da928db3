package org.kameng.server.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kameng.kernel.domain.DomainStatus;
import org.kameng.kernel.domain.ShopDomain;
import org.kameng.kernel.domain.ShopDomains;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.server.domains.DnsTxtCheck;
import org.kameng.server.domains.DomainNotVerifiedException;
import org.kameng.server.domains.HttpTokenCheck;
import org.kameng.server.domains.VerificationOutcome;
import org.kameng.server.throttle.Throttle;

/**
 * A shop's custom domains. Only the owner may see or change them. A domain is added pending, with a
 * token the owner publishes at the domain; asking the platform to verify fetches it from there, and
 * only then does the domain serve the shop.
 */
@Path("/shops/{slug}/domains")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DomainsAdminResource {

  @Inject ShopAccess access;
  @Inject Transactions transactions;
  @Inject HttpTokenCheck httpCheck;
  @Inject DnsTxtCheck dnsCheck;
  @Inject Throttle throttle;

  @Inject
  @ConfigProperty(name = "kameng.platform.domain")
  String platformDomain;

  @Context UriInfo uri;

  @PathParam("slug")
  String slug;

  /** A domain to add. */
  public record NewDomain(String domain) {}

  /**
   * Where and what to publish to prove control of the domain: either the file at {@code httpUrl}
   * with the body {@code httpBody}, or a TXT record named {@code txtName} with the value {@code
   * txtValue}.
   */
  public record Proof(String httpUrl, String httpBody, String txtName, String txtValue) {}

  /** One of the shop's domains. */
  public record DomainView(
      String domain,
      DomainStatus status,
      String verificationToken,
      Proof proof,
      OffsetDateTime createdAt,
      OffsetDateTime verifiedAt,
      Check lastCheck) {}

  /**
   * What the platform's last check of the domain found. A verified domain is checked daily; after
   * {@value ShopDomains#LAPSE_AFTER_FAILED_CHECKS} failures in a row it goes back to pending.
   *
   * @param at when; null if never checked
   * @param failedChecks failures since the last pass
   * @param problem what the last failure found; null after a pass
   */
  public record Check(OffsetDateTime at, int failedChecks, String problem) {}

  @GET
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(summary = "The shop's custom domains, pending and verified")
  public List<DomainView> list() {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    return transactions.inTenant(owner.tenant(), ShopDomains::list).stream()
        .map(DomainsAdminResource::view)
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(summary = "Add a custom domain; it stays pending, serving nothing, until verified")
  public Response add(NewDomain body) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    if (body == null) {
      throw new BadRequestException("A JSON body is required.");
    }
    ShopDomain added =
        transactions.inTenant(
            owner.tenant(), c -> ShopDomains.add(c, owner.tenant(), body.domain(), platformDomain));
    return Response.created(
            uri.getBaseUriBuilder().path("shops/{slug}/domains/{domain}").build(slug, added.host()))
        .entity(view(added))
        .build();
  }

  @DELETE
  @Path("/{domain}")
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(summary = "Remove a custom domain; it stops serving the shop at once")
  public Response remove(@PathParam("domain") String domain) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    boolean removed = transactions.inTenant(owner.tenant(), c -> ShopDomains.remove(c, domain));
    if (!removed) {
      throw new NotFoundException("No such domain in this shop.");
    }
    return Response.noContent().build();
  }

  @POST
  @Path("/{domain}/verify")
  @Extension(name = "x-kameng-role", value = "OWNER")
  @Operation(
      summary =
          "Check now for the shop's token in the domain's TXT record or at its HTTP verification"
              + " path; on success the domain serves the shop. A failed check answers 422 saying"
              + " why")
  public DomainView verify(@PathParam("domain") String domain) {
    ShopAccess.Member owner = access.require(slug, ShopRole.OWNER);
    ShopDomain pending =
        transactions
            .inTenant(owner.tenant(), c -> ShopDomains.find(c, domain))
            .orElseThrow(() -> new NotFoundException("No such domain in this shop."));
    if (pending.status() == DomainStatus.VERIFIED) {
      return view(pending);
    }
    // Each attempt makes the platform ask DNS and fetch a URL: a few per minute are plenty.
    if (!throttle.allow(new Throttle.Budget("domain-verify:" + owner.tenant().value(), 10))) {
      throw new WebApplicationException("Too many verification attempts; wait a minute.", 429);
    }
    // The checks run outside any transaction: they may take seconds, and a transaction the
    // kernel retries must not repeat outside effects. DNS first: it touches no web server.
    String host = pending.host();
    VerificationOutcome dns = dnsCheck.check(host, pending.verificationToken());
    if (!dns.verified()) {
      VerificationOutcome http = httpCheck.check(host, pending.verificationToken());
      if (!http.verified()) {
        throw new DomainNotVerifiedException(http, dns);
      }
    }
    return transactions
        .inTenant(
            owner.tenant(),
            c -> ShopDomains.markVerified(c, pending.host(), pending.verificationToken()))
        .map(DomainsAdminResource::view)
        .orElseThrow(
            () ->
                new NotFoundException("The domain was removed or re-added meanwhile; try again."));
  }

  private static DomainView view(ShopDomain d) {
    return new DomainView(
        d.host(),
        d.status(),
        d.verificationToken(),
        new Proof(
            "http://" + d.host() + HttpTokenCheck.PATH,
            d.verificationToken(),
            DnsTxtCheck.PREFIX + d.host(),
            d.verificationToken()),
        d.createdAt(),
        d.verifiedAt(),
        new Check(d.checkedAt(), d.failedChecks(), d.lastProblem()));
  }
}
