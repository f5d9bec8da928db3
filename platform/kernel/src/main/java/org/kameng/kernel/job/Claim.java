package org.kameng.kernel.job;

import java.util.UUID;

/**
 * A job as one runner claimed it. The lease is the proof of that claim: writes that finish the job
 * name it, so they do nothing once another runner has claimed the job again.
 */
record Claim(Job job, UUID lease) {}
