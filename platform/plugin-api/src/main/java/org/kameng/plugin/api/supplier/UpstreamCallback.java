package org.kameng.plugin.api.supplier;

import java.util.Objects;
import org.kameng.plugin.api.http.InboundReply;

/** What a {@link SupplierConnector} made of an upstream's callback. */
public sealed interface UpstreamCallback {

  /**
   * The callback is authentic and parsed. The host checks that it names the order line its URL
   * names before acting on it.
   *
   * @param orderLineId the order line the upstream says this is for
   * @param result where the upstream order stands
   * @param accepted the reply when the host took the callback
   * @param rejected the reply when the host refused it (another order line)
   */
  record Verified(
      String orderLineId, UpstreamResult result, InboundReply accepted, InboundReply rejected)
      implements UpstreamCallback {
    /** Refuses missing parts. */
    public Verified {
      if (orderLineId == null || orderLineId.isBlank()) {
        throw new IllegalArgumentException("orderLineId must not be blank");
      }
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(accepted, "accepted");
      Objects.requireNonNull(rejected, "rejected");
    }
  }

  /**
   * The callback is not authentic or cannot be read; nothing changes.
   *
   * @param reason why, for the log; no secrets
   * @param reply what to answer
   */
  record Rejected(String reason, InboundReply reply) implements UpstreamCallback {
    /** Refuses missing parts. */
    public Rejected {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
      Objects.requireNonNull(reply, "reply");
    }
  }
}
