package org.kameng.plugin.api.extension;

/**
 * Optional features a plugin declares in its {@link PluginDescriptor}, so the admin UI and the host
 * know what to offer without calling the plugin. Declaring a capability is a promise: a channel
 * that declares {@link #PAYMENT_REFUND} must not answer refunds with "unsupported".
 */
public enum Capability {
  /** The payment channel can query a payment's status at the provider. */
  PAYMENT_QUERY,
  /** The payment channel can refund through the provider. */
  PAYMENT_REFUND,
  /** The supplier connector understands the upstream's asynchronous order callbacks. */
  UPSTREAM_CALLBACK,
  /** The supplier connector can list the upstream catalogue with prices and stock. */
  UPSTREAM_CATALOGUE
}
