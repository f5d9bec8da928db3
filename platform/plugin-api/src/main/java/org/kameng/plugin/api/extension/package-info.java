/**
 * What all extension points share: the {@link org.kameng.plugin.api.extension.ExtensionFactory}
 * pattern (one factory per plugin, one instance per tenant configuration), the {@link
 * org.kameng.plugin.api.extension.PluginDescriptor} and the {@link
 * org.kameng.plugin.api.extension.PluginExtension} marker.
 *
 * <p>A plugin lists its factories in {@code META-INF/services/<factory interface>} files, and the
 * host finds them with {@link java.util.ServiceLoader} over the plugin's class loader, so this API
 * depends neither on PF4J nor on an annotation processor.
 */
package org.kameng.plugin.api.extension;
