/**
 * What all extension points share: the {@link org.kameng.plugin.api.extension.ExtensionFactory}
 * pattern (one factory per plugin, one instance per tenant configuration), the {@link
 * org.kameng.plugin.api.extension.PluginDescriptor} and the {@link
 * org.kameng.plugin.api.extension.PluginExtension} marker.
 *
 * <p>The host registers PF4J extensions that implement these interfaces; PF4J's own {@code
 * ExtensionPoint} is a marker the host adapts to, so this API does not depend on PF4J.
 */
package org.kameng.plugin.api.extension;
