package org.kameng.kernel.job;

import java.time.Instant;

/**
 * How many jobs of one kind are in one status, across all shops.
 *
 * @param oldestRunAt the earliest run time among them: for READY jobs, how far behind the queue is
 */
public record BacklogEntry(String kind, JobStatus status, long count, Instant oldestRunAt) {}
