/**
 * Payments: one row per attempt, and the kernel's half of a payment notify. A channel only verifies
 * the provider's signature and parses the notify into a {@link
 * org.kameng.kernel.payment.PaymentNotice}; the kernel decides whether it pays the order: the
 * binding of tenant, channel configuration, payment and order, the provider's status, the exact
 * amount and currency, and the provider's event id recorded once under a unique key.
 */
package org.kameng.kernel.payment;
