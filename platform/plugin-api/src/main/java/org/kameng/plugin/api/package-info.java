/**
 * The Kameng plugin API: the only types a plugin sees of the platform.
 *
 * <p>Everything here is a plain Java type owned by this package: money in minor units, tenant
 * identities and, as the API grows, the extension points for payment channels, supplier connectors,
 * marketing features and notifiers. No JPA entity, Jakarta type or vendor SDK crosses this
 * boundary, so the host can change its internals without breaking a plugin built against an older
 * API.
 */
package org.kameng.plugin.api;
