package org.kameng.plugin.api.payment;

import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * The extension point for payment channels: one factory per plugin, creating a {@link
 * PaymentChannel} per tenant configuration. Its id starts with {@code payment-}. See {@link
 * ExtensionFactory} for the lifecycle, threads and failures.
 *
 * <p>Typical configuration: gateway URL ({@code URL}), merchant id ({@code STRING}), merchant key
 * ({@code SECRET}), enabled payment types ({@code ENUM}). Refuse placeholder keys in {@code
 * validate}: with an empty or well-known key anyone can sign a notify.
 */
public interface PaymentChannelFactory extends ExtensionFactory<PaymentChannel> {}
