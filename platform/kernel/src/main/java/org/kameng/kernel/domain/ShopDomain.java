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
 */
public record ShopDomain(
    String host,
    DomainStatus status,
    String verificationToken,
    OffsetDateTime createdAt,
    OffsetDateTime verifiedAt) {}
