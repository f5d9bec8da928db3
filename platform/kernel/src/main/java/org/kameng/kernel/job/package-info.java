/**
 * The durable job queue: work after payment (delivery, upstream purchases, notifications, expiry,
 * reconciliation) is written in the same transaction as the change that causes it, then claimed
 * with {@code FOR UPDATE SKIP LOCKED} by any number of runners, retried with backoff and parked as
 * dead after too many failures. A crash loses nothing: an unfinished claim expires and the job runs
 * again.
 */
package org.kameng.kernel.job;
