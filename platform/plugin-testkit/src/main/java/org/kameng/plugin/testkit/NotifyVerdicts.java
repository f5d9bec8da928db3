package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Objects;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.NotifyVerification.Rejected;
import org.kameng.plugin.api.payment.NotifyVerification.Verified;
import org.kameng.plugin.api.payment.PaymentChannel;

/**
 * The assertions of {@link PaymentChannelContract} about one verification: that it did not throw,
 * whether it verified, and that it carries the replies the protocol expects. Every rejection is
 * checked for its reply too, so a channel cannot pass by rejecting with a reply the provider takes
 * for "received".
 */
final class NotifyVerdicts {

  private final InboundReply accepted;
  private final InboundReply rejected;

  NotifyVerdicts(InboundReply accepted, InboundReply rejected) {
    this.accepted = Objects.requireNonNull(accepted, "accepted");
    this.rejected = Objects.requireNonNull(rejected, "rejected");
  }

  /** Verifies, failing unless the notify verified with both expected replies. */
  Verified verified(PaymentChannel channel, InboundRequest notify, String what) {
    NotifyVerification result = verify(channel, notify, what);
    if (result instanceof Rejected refusal) {
      fail(what + ": expected to verify, but rejected: " + refusal.reason());
    }
    Verified verified = (Verified) result;
    assertReply(accepted, verified.accepted(), what + ", accepted reply");
    assertReply(rejected, verified.rejected(), what + ", refused reply");
    return verified;
  }

  /** Verifies, failing unless the notify was rejected with the expected reply. */
  void rejected(PaymentChannel channel, InboundRequest notify, String what) {
    NotifyVerification result = verify(channel, notify, what);
    if (result instanceof Verified verified) {
      fail(what + ": expected Rejected, but it verified as " + verified.outcome());
    }
    assertReply(rejected, ((Rejected) result).reply(), what + ", rejection reply");
  }

  /** Verifies, failing if the channel throws or answers nothing. */
  static NotifyVerification verify(PaymentChannel channel, InboundRequest notify, String what) {
    NotifyVerification result =
        assertDoesNotThrow(
            () -> channel.verifyNotify(notify), what + ": verifyNotify threw instead of rejecting");
    if (result == null) {
      fail(what + ": verifyNotify returned null");
    }
    return result;
  }

  /** Fails unless the replies are equal, showing both readably. */
  static void assertReply(InboundReply expected, InboundReply actual, String what) {
    // Body compares bytes but prints only its size, so compare readable descriptions first
    assertEquals(describe(expected), describe(actual), what);
    assertEquals(expected, actual, what);
  }

  /** Status, content type and body text of a reply. */
  static String describe(InboundReply reply) {
    return reply.status() + " " + reply.contentType() + " \"" + reply.body().text() + "\"";
  }
}
