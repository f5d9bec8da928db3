package org.kameng.kernel.job;

import java.time.Instant;
import org.kameng.plugin.api.TenantId;

/**
 * A job that failed every attempt it had, as an operator sees it. The payload is left out: it is
 * the shop's data, and the error says what went wrong.
 *
 * @param lastError the last failure's exception class and first message line
 * @param diedAt when the last attempt failed
 */
public record DeadJob(
    long id,
    TenantId tenant,
    String kind,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant diedAt) {}
