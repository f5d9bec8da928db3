package org.kameng.kernel.job;

/** What {@link JobQueue#retry(long)} did. */
public enum RetryOutcome {
  /** The dead job is READY again, with its attempts reset, and runs at once. */
  REQUEUED,
  /** No dead job has that id (it never existed, or is not dead). */
  NOT_DEAD,
  /**
   * The job stays dead: an unfinished job of the same kind and dedupe key was enqueued since and
   * does its work.
   */
  SUPERSEDED
}
