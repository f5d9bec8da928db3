package org.kameng.kernel.order;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.kameng.plugin.api.Money;

/**
 * An order just placed.
 *
 * @param id the order's id (internal; never enough to read the order)
 * @param token the buyer's secret token, shown once and never stored in clear
 * @param displayNumber the short number the buyer quotes to the shop
 * @param total what the buyer owes
 * @param reservedUntil until when the stock is held for payment
 * @param paymentId the payment opened with the order, or null if none was asked for
 */
public record PlacedOrder(
    UUID id,
    String token,
    long displayNumber,
    Money total,
    OffsetDateTime reservedUntil,
    UUID paymentId) {}
