/**
 * The durable job queue: work after payment (delivery, upstream purchases, notifications, expiry,
 * reconciliation) is written in the same transaction as the change that causes it ({@link
 * org.kameng.kernel.job.Jobs}), then claimed with {@code FOR UPDATE SKIP LOCKED} by any number of
 * runners ({@link org.kameng.kernel.job.JobRunner}), retried with backoff and parked as dead after
 * too many failures, where an operator sees it and can retry it ({@link
 * org.kameng.kernel.job.JobQueue}). A crash loses nothing: an unfinished claim expires and the job
 * runs again, and the lease it was claimed with keeps a late runner from finishing it twice.
 */
package org.kameng.kernel.job;
