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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.payment.HostedPages;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PaymentChannels.OpenChannel;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;

/**
 * Pages a payment channel shows buyers ({@link HostedPages}), such as the sandbox's checkout. The
 * plugin writes the page; the host frames it with headers that keep it inert: no scripts, no
 * framing, forms only back to itself, nothing cached.
 */
@Path("/public/pages/{tenant}/{config}")
@RequestScoped
public class ChannelPagesResource {

  private static final Duration PAGE_LIMIT = Duration.ofSeconds(15);

  /** No script, style only inline, forms post to this origin only, never framed. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;

  @Context HttpServletRequest servlet;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @PathParam("tenant")
  String tenant;

  @PathParam("config")
  String config;

  @GET
  @Path("/{page: .*}")
  @Operation(summary = "A page a payment channel shows buyers (for example the sandbox checkout)")
  public Response get(@PathParam("page") String page) {
    return serve(page, new byte[0]);
  }

  @POST
  @Path("/{page: .*}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "A form a payment channel's page posts back to itself")
  public Response post(@PathParam("page") String page, byte[] body) {
    return serve(page, body);
  }

  private Response serve(String page, byte[] body) {
    if (body != null && body.length > InboundRequests.MAX_BODY) {
      return framed(InboundReply.text(413, "Request too large."));
    }
    Optional<UUID> tenantId = InboundRequests.uuid(tenant);
    Optional<UUID> configId = InboundRequests.uuid(config);
    if (tenantId.isEmpty() || configId.isEmpty() || !safe(page)) {
      return framed(InboundReply.text(404, "No such page."));
    }
    try {
      Optional<OpenChannel> open = channels.open(new TenantId(tenantId.get()), configId.get());
      if (open.isEmpty() || !(open.get().channel() instanceof HostedPages pages)) {
        return framed(InboundReply.text(404, "No such page."));
      }
      OpenChannel channel = open.get();
      var request = InboundRequests.of(servlet, uri, headers, body);
      InboundReply reply =
          calls.call(
              channel.pluginId(),
              channel.circuit(),
              channel.pluginId() + " page",
              PAGE_LIMIT,
              () -> pages.page(page, request));
      return framed(reply);
    } catch (PluginFailureException e) {
      return framed(
          InboundReply.text(
              e.status(), "The payment page is unavailable right now. Please try again."));
    }
  }

  private static Response framed(InboundReply reply) {
    return Response.fromResponse(Replies.send(reply))
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** No dot segments, no backslashes, no control characters: the page path is a plain name. */
  private static boolean safe(String page) {
    if (page == null || page.length() > 200) {
      return false;
    }
    for (String segment : page.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return page.chars().noneMatch(ch -> ch < 0x20 || ch == '\\' || ch == 0x7f);
  }
}
