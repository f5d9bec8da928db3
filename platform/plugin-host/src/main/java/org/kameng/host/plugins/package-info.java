/**
 * The plugin loader: {@link org.kameng.host.plugins.PluginHost} loads PF4J plugins (zip or
 * directory layout, {@code classes/} + {@code lib/}) from the plugins folder and offers the
 * extension factories they bring.
 *
 * <ul>
 *   <li>The plugin API and PF4J always come from the host, everything else a plugin carries is
 *       plugin-first (ADR 0006): a plugin that bundles the API still works.
 *   <li>{@code plugin.requires} must include {@link org.kameng.plugin.api.ApiVersion#CURRENT}, or
 *       the plugin is refused with a message naming both versions.
 *   <li>Factories are found through {@link java.util.ServiceLoader} ({@code
 *       META-INF/services/<factory interface>} in the plugin), because the plugin API does not
 *       depend on PF4J and so cannot use PF4J's extension index.
 *   <li>A plugin is either loaded whole or refused whole, with a {@link
 *       org.kameng.host.plugins.LoadFailure}; one bad plugin never stops the others.
 * </ul>
 */
package org.kameng.host.plugins;
