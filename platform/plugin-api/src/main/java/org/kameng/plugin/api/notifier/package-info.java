/**
 * Notifications: {@link org.kameng.plugin.api.notifier.NotifierFactory} and {@link
 * org.kameng.plugin.api.notifier.Notifier} deliver {@link org.kameng.plugin.api.notifier.Message}s
 * (order delivered, low stock, payment failed, …) to buyers or shop staff, at least once, from the
 * host's job queue.
 */
package org.kameng.plugin.api.notifier;
