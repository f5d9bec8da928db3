/**
 * Payment channels: {@link org.kameng.plugin.api.payment.PaymentChannelFactory} and {@link
 * org.kameng.plugin.api.payment.PaymentChannel}.
 *
 * <p>A payment goes: the host opens a payment and calls {@code start}; the buyer pays at the
 * provider; the provider's notify reaches a URL naming tenant, channel configuration and payment;
 * the host passes it to {@code verifyNotify}; the kernel checks binding, amount, currency and the
 * provider's event id, then sends the channel's reply. The channel verifies and parses; the kernel
 * decides.
 */
package org.kameng.plugin.api.payment;
