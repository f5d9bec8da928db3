package org.kameng.plugin.api.extension;

/**
 * Marks the types the host discovers in a plugin archive: the factories of the extension points
 * ({@code PaymentChannelFactory}, {@code SupplierConnectorFactory}, {@code PriceRuleFactory},
 * {@code OrderEventListenerFactory}, {@code NotifierFactory}).
 *
 * <p>A plugin lists each factory class in a service file named after the factory interface, for
 * example {@code META-INF/services/org.kameng.plugin.api.payment.PaymentChannelFactory} holding the
 * line {@code com.acme.pay.AcmeChannelFactory}, and gives the class a public no-argument
 * constructor. The host finds the factories with {@link java.util.ServiceLoader} over the plugin's
 * class loader and keeps only classes that loader defined (ADR 0006). No annotation and no
 * annotation processor is involved: this marker plays the part of PF4J's {@code ExtensionPoint}
 * without making the API depend on PF4J, which only packages and loads the archive.
 */
public interface PluginExtension {}
