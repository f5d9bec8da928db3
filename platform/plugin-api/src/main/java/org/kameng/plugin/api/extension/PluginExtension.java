package org.kameng.plugin.api.extension;

/**
 * Marks the types the host discovers in a plugin archive: the factories of the extension points
 * ({@code PaymentChannelFactory}, {@code SupplierConnectorFactory}, {@code PriceRuleFactory},
 * {@code OrderEventListenerFactory}, {@code NotifierFactory}).
 *
 * <p>It plays the part of PF4J's {@code ExtensionPoint} without making the API depend on PF4J: the
 * host registers PF4J extensions that implement these interfaces. A plugin class is annotated with
 * PF4J's {@code @Extension}; how PF4J's annotation processor is told that it is an extension
 * (implementing {@code org.pf4j.ExtensionPoint} as well, or {@code
 * -Apf4j.ignoreExtensionPoint=true} with {@code @Extension(points = ...)}) is the plugin template's
 * business and documented there.
 */
public interface PluginExtension {}
