package org.kameng.server.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.kernel.payment.NoticeResult;
import org.kameng.kernel.payment.RecordPaymentNotice;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PaymentChannels.OpenChannel;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;

/**
 * Where payment providers send their notifies. The URL names the shop, the channel configuration
 * and the payment; the channel checks the signature and parses; the kernel decides, in one
 * transaction, whether money arrived for exactly that payment. The reply is the one the provider
 * expects: an accepted or duplicate notify gets the channel's acknowledgement, so the provider
 * stops re-sending; anything else gets its rejection. One instance serves every notify: the
 * request's parts come in as parameters, not fields a request-scoped instance is built to hold.
 */
@Path("/public/notify/{tenant}/{config}/{payment}")
@ApplicationScoped
public class NotifyResource {

  private static final Logger LOG = Logger.getLogger(NotifyResource.class.getName());
  private static final Duration VERIFY_LIMIT = Duration.ofSeconds(5);

  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;
  @Inject RecordPaymentNotice notices;

  // What one notify request is, and where it was sent.
  private record Arrival(
      String tenant,
      String config,
      String payment,
      HttpServletRequest servlet,
      UriInfo uri,
      HttpHeaders headers) {

    String where() {
      return "tenant " + tenant + ", channel " + config + ", payment " + payment;
    }
  }

  @GET
  @Operation(summary = "A payment provider's notify, sent as a GET (EPay and others)")
  public Response get(
      @PathParam("tenant") String tenant,
      @PathParam("config") String config,
      @PathParam("payment") String payment,
      @Context HttpServletRequest servlet,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    return receive(new Arrival(tenant, config, payment, servlet, uri, headers), new byte[0]);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "A payment provider's notify, sent as a POST")
  public Response post(
      @PathParam("tenant") String tenant,
      @PathParam("config") String config,
      @PathParam("payment") String payment,
      @Context HttpServletRequest servlet,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      byte[] body) {
    return receive(new Arrival(tenant, config, payment, servlet, uri, headers), body);
  }

  private Response receive(Arrival arrival, byte[] body) {
    if (body != null && body.length > InboundRequests.MAX_BODY) {
      return Replies.text(413, "notify too large");
    }
    Optional<UUID> tenantId = InboundRequests.uuid(arrival.tenant());
    Optional<UUID> configId = InboundRequests.uuid(arrival.config());
    Optional<UUID> paymentId = InboundRequests.uuid(arrival.payment());
    if (tenantId.isEmpty() || configId.isEmpty() || paymentId.isEmpty()) {
      return Replies.text(404, "unknown notify address");
    }
    TenantId shop = new TenantId(tenantId.get());
    try {
      Optional<OpenChannel> open = channels.open(shop, configId.get());
      if (open.isEmpty() || open.get().channel() == null) {
        return Replies.text(404, "unknown notify address");
      }
      OpenChannel channel = open.get();
      InboundRequest request =
          InboundRequests.of(arrival.servlet(), arrival.uri(), arrival.headers(), body);
      NotifyVerification verification =
          calls.call(
              channel.pluginId(),
              channel.circuit(),
              channel.pluginId() + " notify check",
              VERIFY_LIMIT,
              () -> channel.channel().verifyNotify(request));
      if (verification instanceof NotifyVerification.Rejected rejected) {
        LOG.warning(
            () ->
                "Notify refused by "
                    + channel.pluginId()
                    + " for "
                    + arrival.where()
                    + ": "
                    + rejected.reason());
        return Replies.send(rejected.reply());
      }
      NotifyVerification.Verified verified = (NotifyVerification.Verified) verification;
      NoticeResult result =
          notices.record(
              shop, configId.get(), paymentId.get(), Outcomes.notice(verified.outcome()));
      if (result.kind() == NoticeResult.Kind.REJECTED) {
        LOG.warning(() -> "Notify rejected for " + arrival.where() + ": " + result.reason());
        return Replies.send(verified.rejected());
      }
      return Replies.send(verified.accepted());
    } catch (PluginFailureException e) {
      // The provider will re-send; by then the plugin may answer again.
      return Replies.text(503, "try again later");
    }
  }
}
