package org.kameng.plugin.api.marketing;

import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * The extension point for order-event listeners: one factory per plugin, creating an {@link
 * OrderEventListener} per tenant configuration. Its id starts with {@code marketing-}; a plugin may
 * offer a {@link PriceRuleFactory} and a listener factory under the same id. See {@link
 * ExtensionFactory} for the lifecycle, threads and failures.
 */
public interface OrderEventListenerFactory extends ExtensionFactory<OrderEventListener> {}
