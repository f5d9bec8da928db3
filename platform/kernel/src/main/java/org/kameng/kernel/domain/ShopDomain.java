package org.kameng.kernel.domain;

import java.time.OffsetDateTime;

/**
 * A domain a shop added.
 *
 * @param host the normalised host name
 * @param status pending until verified
 * @param verificationToken what the shop must publish to prove it controls the host
 * @param createdAt when the shop added it
 * @param verifiedAt when it was verified; null while pending
 * @param checkedAt when the platform last checked it (verification included); null if never
 * @param failedChecks failed checks since the last passing one
 * @param lastProblem what the last failed check found, for the owner; null after a pass
 */
public record ShopDomain(
    String host,
    DomainStatus status,
    String verificationToken,
    OffsetDateTime createdAt,
    OffsetDateTime verifiedAt,
    OffsetDateTime checkedAt,
    int failedChecks,
    String lastProblem) {}
