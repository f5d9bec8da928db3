package org.kameng.server.payments;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.kameng.plugin.api.http.InboundReply;

/** Sends a plugin's {@link InboundReply} exactly as the plugin made it. */
final class Replies {

  private Replies() {}

  static Response send(InboundReply reply) {
    return Response.status(reply.status())
        .type(reply.contentType())
        .entity(reply.body().bytes())
        .cacheControl(noStore())
        .build();
  }

  static Response text(int status, String text) {
    return Response.status(status)
        .type("text/plain; charset=UTF-8")
        .entity(text)
        .cacheControl(noStore())
        .build();
  }

  static CacheControl noStore() {
    CacheControl cc = new CacheControl();
    cc.setNoStore(true);
    cc.setNoCache(true);
    cc.setPrivate(true);
    return cc;
  }
}
