package org.kameng.kernel.fulfilment;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.kernel.audit.AuditLog;
import org.kameng.kernel.job.Job;
import org.kameng.kernel.job.JobHandler;
import org.kameng.kernel.job.JobHandlers;

/** The kernel's own job kinds and their handlers, for the server's job runner. */
public final class KernelJobs {

  /** Money the shop holds but cannot deliver for: staff must refund it (shown in the admin). */
  public static final String REFUND_REVIEW = "payment.refund-review";

  private static final Pattern ORDER_ID =
      Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private KernelJobs() {}

  /** Handlers for every job kind the kernel writes. */
  public static JobHandlers handlers() {
    JobHandler expire = (c, job) -> ExpireOrder.expire(c, job.tenant(), orderId(job));
    JobHandler deliver = (c, job) -> DeliverOrder.deliver(c, job.tenant(), orderId(job));
    JobHandler refundReview =
        (c, job) ->
            AuditLog.record(
                c,
                job.tenant(),
                AuditLog.SYSTEM,
                "payment.refund-needed",
                "order:" + orderId(job),
                job.payload());
    return JobHandlers.of(
        Map.of(ExpireOrder.JOB, expire, DeliverOrder.JOB, deliver, REFUND_REVIEW, refundReview));
  }

  static UUID orderId(Job job) {
    Matcher m = ORDER_ID.matcher(job.payload());
    if (!m.find()) {
      throw new IllegalArgumentException("job " + job.id() + " has no orderId");
    }
    return UUID.fromString(m.group(1));
  }
}
