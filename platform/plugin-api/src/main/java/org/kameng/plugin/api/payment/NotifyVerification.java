package org.kameng.plugin.api.payment;

import java.util.Objects;
import org.kameng.plugin.api.http.InboundReply;

/**
 * What a {@link PaymentChannel} made of a notify: verified and parsed, or rejected. Either way it
 * carries the exact reply the host sends back to the provider.
 */
public sealed interface NotifyVerification {

  /**
   * The signature verified and the notify parsed. The kernel then checks binding, amount and
   * currency and records the event; depending on its verdict the host sends one of two replies.
   *
   * @param outcome what the provider says
   * @param accepted the reply when the kernel recorded the notify, or already had it, or noted a
   *     failed or pending status: the provider's "received, stop re-sending" (EPay: {@code
   *     success})
   * @param rejected the reply when the kernel refused it (another payment, wrong amount or
   *     currency)
   */
  record Verified(PaymentOutcome outcome, InboundReply accepted, InboundReply rejected)
      implements NotifyVerification {
    /** Refuses missing parts. */
    public Verified {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(accepted, "accepted");
      Objects.requireNonNull(rejected, "rejected");
    }
  }

  /**
   * The notify is not genuine or cannot be read: bad or missing signature, a repeated signed
   * parameter, a stale timestamp, a missing field, an amount that does not parse. Nothing is
   * recorded.
   *
   * @param reason why, for the log; names the check that failed, never a secret or a signature
   * @param reply what to answer (EPay: {@code fail})
   */
  record Rejected(String reason, InboundReply reply) implements NotifyVerification {
    /** Refuses missing parts. */
    public Rejected {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank");
      }
      Objects.requireNonNull(reply, "reply");
    }
  }
}
