package org.kameng.kernel.job;

/**
 * The job's lease ran out and another runner claimed it again, so this runner's work on it must not
 * commit. Thrown inside the tenant transaction to roll the handler's writes back.
 */
final class LeaseLostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LeaseLostException(Claim claim) {
    super("job " + claim.job().id() + " was claimed again after its lease ran out");
  }
}
