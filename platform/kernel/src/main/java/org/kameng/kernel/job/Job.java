package org.kameng.kernel.job;

import java.util.Objects;
import org.kameng.plugin.api.TenantId;

/**
 * One claimed job, as its handler sees it.
 *
 * @param id the job's id in the queue
 * @param tenant the shop the job works for; its handler runs inside this tenant's transaction
 * @param kind what the job does, the key its handler is registered under
 * @param payload the job's input, a JSON object as text
 * @param attempts this run's number, counting from 1 (a handler may read it to know it is a retry)
 * @param maxAttempts how many runs the job gets before it is parked as dead
 */
public record Job(
    long id, TenantId tenant, String kind, String payload, int attempts, int maxAttempts) {

  /** Refuses missing parts. */
  public Job {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }
}
