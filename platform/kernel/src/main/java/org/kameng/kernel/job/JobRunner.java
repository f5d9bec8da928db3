package org.kameng.kernel.job;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.kameng.kernel.tenancy.Transactions;

/**
 * Runs due jobs from the durable queue. Plain Java with no threads of its own: the server calls
 * {@link #runDue(int)} from as many threads, on as many instances, as it likes; the queue's row
 * locks and leases keep them from running a job twice at once or finishing it twice.
 *
 * <p>A job is claimed in a short platform transaction, then run and marked done in one transaction
 * of its tenant, so the handler's writes and the completion commit together. The completion names
 * the lease the job was claimed with: when the lease ran out and another runner claimed the job
 * again, the late completion matches nothing and the handler's writes roll back.
 *
 * <p>A failed attempt (the handler threw, or no handler knows the job's kind) is recorded in a
 * separate platform transaction: the job waits out a {@link Backoff} and runs again, or, once it
 * has used {@code max_attempts}, is parked as {@link JobStatus#DEAD} for an operator. An unknown
 * kind is retried like any failure rather than buried at once, because during a rolling upgrade an
 * instance that knows the kind is likely to claim it on a later attempt.
 */
public final class JobRunner {

  /** Long enough for an upstream purchase with retries; a crashed runner's jobs wait this long. */
  public static final Duration STANDARD_LEASE = Duration.ofMinutes(5);

  private static final Logger LOG = System.getLogger(JobRunner.class.getName());

  private final Transactions transactions;
  private final JobHandlers handlers;
  private final Duration lease;
  private final Backoff backoff;

  /**
   * @param lease how long a claim holds a job; must outlast the slowest handler, since a job whose
   *     lease ran out is run again by the next runner
   * @param backoff the wait between failed attempts
   */
  public JobRunner(
      Transactions transactions, JobHandlers handlers, Duration lease, Backoff backoff) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    if (lease.toMillis() < 1) {
      throw new IllegalArgumentException("lease must be at least a millisecond: " + lease);
    }
  }

  /** A runner with the {@link #STANDARD_LEASE} and the {@link Backoff#STANDARD} backoff. */
  public JobRunner(Transactions transactions, JobHandlers handlers) {
    this(transactions, handlers, STANDARD_LEASE, Backoff.STANDARD);
  }

  /**
   * Claims up to {@code max} due jobs and runs them one after another on the calling thread. A
   * failing job does not stop the others. Keep {@code max} small against the lease: the last job of
   * a batch waits for the ones before it, and its lease is running meanwhile.
   *
   * @return how many jobs were claimed; fewer than {@code max} means the queue had no more due work
   */
  public int runDue(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    List<Claim> claims = transactions.platform(c -> JobTable.claim(c, max, lease));
    for (Claim claim : claims) {
      run(claim);
    }
    return claims.size();
  }

  private void run(Claim claim) {
    Job job = claim.job();
    if (job.attempts() > job.maxAttempts()) {
      // Only a run that never finished gets here: the job (or its runner) dies before it can fail.
      recordFailure(claim, "gave up: its last attempts did not finish within their lease");
      return;
    }
    JobHandler handler = handlers.find(job.kind()).orElse(null);
    if (handler == null) {
      recordFailure(claim, "no handler for job kind '" + job.kind() + "' on this runner");
      return;
    }
    try {
      transactions.inTenant(
          job.tenant(),
          c -> {
            handler.handle(c, job);
            if (!JobTable.complete(c, claim)) {
              throw new LeaseLostException(claim);
            }
            return null;
          });
    } catch (LeaseLostException e) {
      // The runner that claimed the job again owns it now, and records its outcome.
      LOG.log(Level.WARNING, "{0}; this run was rolled back", e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      // A handler whose classes fail to load (a broken plugin) fails its job, not the runner.
      recordFailure(claim, LastError.of(e));
    }
  }

  private void afterDeath(Job job, String error) {
    JobHandler handler = handlers.find(job.kind()).orElse(null);
    if (handler == null) {
      return;
    }
    try {
      transactions.inTenant(
          job.tenant(),
          c -> {
            handler.dead(c, job, error);
            return null;
          });
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "job {0} ({1}): recording its death failed: {2}",
          Long.toString(job.id()),
          job.kind(),
          LastError.of(e));
    }
  }

  private void recordFailure(Claim claim, String error) {
    Job job = claim.job();
    Duration delay = backoff.delayAfter(job.attempts(), ThreadLocalRandom.current());
    String text = LastError.truncate(error);
    JobStatus status = transactions.platform(c -> JobTable.fail(c, claim, delay, text));
    if (status == JobStatus.DEAD) {
      LOG.log(
          Level.ERROR,
          "job {0} ({1}) is dead after {2} attempts: {3}",
          Long.toString(job.id()),
          job.kind(),
          job.attempts(),
          text);
      afterDeath(job, text);
    } else if (status == JobStatus.READY) {
      // A null status means another runner claimed the job meanwhile: its outcome, not ours.
      LOG.log(
          Level.WARNING,
          "job {0} ({1}) failed attempt {2}, next in {3}: {4}",
          Long.toString(job.id()),
          job.kind(),
          job.attempts(),
          delay,
          text);
    }
  }
}
