package org.kameng.kernel.job;

/** Where a job is in its life: {@code READY → RUNNING → DONE}, or back to READY, or DEAD. */
public enum JobStatus {
  /** Waiting for its run time, then for a runner. */
  READY,
  /** Claimed by a runner until its lease ends. */
  RUNNING,
  /** Finished; its effects are committed. */
  DONE,
  /** Failed on every attempt it had; waits for an operator's retry. */
  DEAD
}
