/**
 * The Kameng plugin API: the only types a plugin sees of the platform.
 *
 * <p>This package holds the value types every extension point uses: {@link
 * org.kameng.plugin.api.Money} in minor units, {@link org.kameng.plugin.api.TenantId}, {@link
 * org.kameng.plugin.api.LocalizedText} and the {@link org.kameng.plugin.api.ApiVersion}. The
 * extension points live in one sub-package per capability ({@code payment}, {@code supplier},
 * {@code marketing}, {@code notifier}); {@code extension} holds what they share (factory,
 * descriptor), {@code config} the configuration a tenant enters, {@code host} and {@code http} what
 * the host hands to a plugin.
 *
 * <p>No JPA entity, Jakarta type, PF4J type or vendor SDK crosses this boundary, so the host can
 * change its internals without breaking a plugin built against an older API.
 */
package org.kameng.plugin.api;
