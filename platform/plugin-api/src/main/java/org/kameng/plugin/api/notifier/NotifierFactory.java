package org.kameng.plugin.api.notifier;

import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * The extension point for notification channels: one factory per plugin, creating a {@link
 * Notifier} per tenant configuration. Its id starts with {@code notifier-}. See {@link
 * ExtensionFactory} for the lifecycle, threads and failures.
 */
public interface NotifierFactory extends ExtensionFactory<Notifier> {}
