/**
 * What the host gives a plugin to work with: the {@link org.kameng.plugin.api.host.HostContext}
 * (tenant, configuration, HTTP client, mail transport, clock, logger) and its {@link
 * org.kameng.plugin.api.host.KeyValueStore} scoped to (tenant, plugin).
 */
package org.kameng.plugin.api.host;
