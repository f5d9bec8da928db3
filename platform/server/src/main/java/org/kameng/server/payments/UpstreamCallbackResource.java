package org.kameng.server.payments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.UpstreamPurchases;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.plugins.SupplierConnectors;

/**
 * An upstream's callback about one of our purchases, at the address the purchase job gave it. The
 * connector verifies it ({@code interpretCallback}); a verified callback for the line its address
 * names only prompts the purchase job to query the upstream at once. Its content is never acted on
 * directly: the job's query is the one source of truth, so a replayed or stale callback changes
 * nothing. Lives beside the payment notify, whose request plumbing it shares.
 */
@Path("/public/upstream/{tenant}/{config}/{line}")
@RequestScoped
public class UpstreamCallbackResource {

  private static final Logger LOG = Logger.getLogger(UpstreamCallbackResource.class.getName());

  @Inject SupplierConnectors connectors;
  @Inject Transactions transactions;

  @Context HttpServletRequest servlet;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @PathParam("tenant")
  String tenant;

  @PathParam("config")
  String config;

  @PathParam("line")
  String line;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "An upstream supplier's callback about an order this shop placed")
  public Response post(byte[] body) {
    if (body != null && body.length > InboundRequests.MAX_BODY) {
      return Replies.text(413, "callback too large");
    }
    Optional<UUID> tenantId = InboundRequests.uuid(tenant);
    Optional<UUID> configId = InboundRequests.uuid(config);
    Optional<UpstreamPurchases.LineKey> key = UpstreamPurchases.LineKey.parse(line);
    if (tenantId.isEmpty() || configId.isEmpty() || key.isEmpty()) {
      return Replies.text(404, "unknown callback address");
    }
    TenantId shop = new TenantId(tenantId.get());
    try {
      Optional<UpstreamCallback> answer =
          connectors.interpretCallback(
              shop, configId.get(), InboundRequests.of(servlet, uri, headers, body));
      if (answer.isEmpty()) {
        return Replies.text(404, "unknown callback address");
      }
      if (answer.get() instanceof UpstreamCallback.Rejected rejected) {
        LOG.warning(() -> "Upstream callback refused for " + line + ": " + rejected.reason());
        return Replies.send(rejected.reply());
      }
      UpstreamCallback.Verified verified = (UpstreamCallback.Verified) answer.get();
      if (!verified.orderLineId().equals(line)) {
        return Replies.send(verified.rejected());
      }
      boolean known =
          transactions.inTenant(
              shop, c -> UpstreamPurchases.prompt(c, shop, key.get().orderId(), key.get().line()));
      return Replies.send(known ? verified.accepted() : verified.rejected());
    } catch (PluginFailureException e) {
      return Replies.text(503, "try again later");
    }
  }
}
