package org.kameng.server.payments;

import jakarta.enterprise.context.RequestScoped;
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
 * stops re-sending; anything else gets its rejection.
 */
@Path("/public/notify/{tenant}/{config}/{payment}")
@RequestScoped
public class NotifyResource {

  private static final Logger LOG = Logger.getLogger(NotifyResource.class.getName());
  private static final Duration VERIFY_LIMIT = Duration.ofSeconds(5);

  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;
  @Inject RecordPaymentNotice notices;

  @Context HttpServletRequest servlet;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @PathParam("tenant")
  String tenant;

  @PathParam("config")
  String config;

  @PathParam("payment")
  String payment;

  @GET
  @Operation(summary = "A payment provider's notify, sent as a GET (EPay and others)")
  public Response get() {
    return receive(new byte[0]);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "A payment provider's notify, sent as a POST")
  public Response post(byte[] body) {
    return receive(body);
  }

  private Response receive(byte[] body) {
    if (body != null && body.length > InboundRequests.MAX_BODY) {
      return Replies.text(413, "notify too large");
    }
    Optional<UUID> tenantId = InboundRequests.uuid(tenant);
    Optional<UUID> configId = InboundRequests.uuid(config);
    Optional<UUID> paymentId = InboundRequests.uuid(payment);
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
      InboundRequest request = InboundRequests.of(servlet, uri, headers, body);
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
                    + where()
                    + ": "
                    + rejected.reason());
        return Replies.send(rejected.reply());
      }
      NotifyVerification.Verified verified = (NotifyVerification.Verified) verification;
      NoticeResult result =
          notices.record(
              shop, configId.get(), paymentId.get(), Outcomes.notice(verified.outcome()));
      if (result.kind() == NoticeResult.Kind.REJECTED) {
        LOG.warning(() -> "Notify rejected for " + where() + ": " + result.reason());
        return Replies.send(verified.rejected());
      }
      return Replies.send(verified.accepted());
    } catch (PluginFailureException e) {
      // The provider will re-send; by then the plugin may answer again.
      return Replies.text(503, "try again later");
    }
  }

  private String where() {
    return "tenant " + tenant + ", channel " + config + ", payment " + payment;
  }
}
