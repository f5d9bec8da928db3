package org.kameng.server.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.payment.ProviderRefundRefusedException;
import org.kameng.kernel.payment.ProviderRefunds;
import org.kameng.plugin.api.payment.RefundRequest;
import org.kameng.plugin.api.payment.RefundResult;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.plugins.PluginCalls;
import org.kameng.server.plugins.PluginFailureException;

/**
 * Runs {@link ProviderRefunds#JOB}: asks the order's channel to pay the payment back, with the
 * payment id as the refund's idempotency key, so a retried job (after a timeout, a crash, or a
 * "pending" answer) asks for the same refund and never pays back twice. Paid back: the order is
 * refunded. Pending, an exception, a timeout or an open circuit: the job is retried with backoff
 * and parked as dead after its attempts, visible and retryable. Refused or unsupported: recorded in
 * the shop's audit log, not retried; staff refund by hand.
 */
@ApplicationScoped
public class ProviderRefundJob {

  /** Providers' refund APIs are slower than their payment pages. */
  static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(20);

  @Inject PaymentChannels channels;
  @Inject PluginCalls calls;

  /** The job's handler. */
  public JobHandler handler() {
    return new JobHandler() {
      @Override
      public void handle(Connection c, Job job) throws SQLException {
        refund(c, job);
      }

      @Override
      public void dead(Connection c, Job job, String lastError) throws SQLException {
        ProviderRefunds.refused(
            c,
            job.tenant(),
            UUID.fromString(parse(job.payload()).getString("orderId")),
            "gave up after repeated failures: " + lastError);
      }
    };
  }

  private void refund(Connection c, Job job) throws SQLException {
    UUID orderId = UUID.fromString(parse(job.payload()).getString("orderId"));
    ProviderRefunds.Target target;
    try {
      target = ProviderRefunds.target(c, orderId);
    } catch (ProviderRefundRefusedException e) {
      return; // refunded or changed by hand meanwhile: nothing left to ask the provider
    }
    PaymentChannels.OpenChannel open =
        channels
            .open(job.tenant(), target.channelConfigId())
            .orElseThrow(() -> new IllegalStateException("the channel configuration is gone"));
    if (open.channel() == null) {
      ProviderRefunds.refused(c, job.tenant(), orderId, "the manual channel cannot refund");
      return;
    }
    RefundRequest request =
        new RefundRequest(
            target.paymentId().toString(),
            target.paymentId().toString(),
            target.providerReference(),
            target.amount(),
            target.reason().length() > 256 ? target.reason().substring(0, 256) : target.reason());
    RefundResult result;
    try {
      result =
          // A circuit of its own: a provider's failing refund API must not pause its payments.
          calls.call(
              open.pluginId(),
              open.circuit() + "/refund",
              open.pluginId() + " refund",
              LIMIT,
              () -> open.channel().refund(request));
    } catch (PluginFailureException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (result instanceof RefundResult.Refunded done) {
      ProviderRefunds.refunded(c, job.tenant(), orderId, done.providerRefundId());
    } else if (result instanceof RefundResult.Pending pending) {
      throw new IllegalStateException(
          "the provider has not finished refund " + pending.providerRefundId() + " yet");
    } else if (result instanceof RefundResult.Failed failed) {
      ProviderRefunds.refused(c, job.tenant(), orderId, failed.reason());
    } else {
      ProviderRefunds.refused(
          c, job.tenant(), orderId, open.pluginId() + " does not refund through the provider");
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
