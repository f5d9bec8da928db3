package org.kameng.plugin.api.extension;

/**
 * The kinds of extension, one per extension point family. A plugin id starts with its kind's prefix
 * ({@code payment-epay}), and the host refuses a factory whose id names another kind than the
 * extension point it implements.
 */
public enum PluginKind {
  /** {@code PaymentChannelFactory}. */
  PAYMENT("payment"),
  /** {@code SupplierConnectorFactory}. */
  SUPPLIER("supplier"),
  /** {@code PriceRuleFactory} and {@code OrderEventListenerFactory}. */
  MARKETING("marketing"),
  /** {@code NotifierFactory}. */
  NOTIFIER("notifier");

  private final String prefix;

  PluginKind(String prefix) {
    this.prefix = prefix;
  }

  /** The id prefix, for example {@code payment}. */
  public String prefix() {
    return prefix;
  }

  /**
   * Returns the kind with this prefix.
   *
   * @throws IllegalArgumentException if no kind has it
   */
  public static PluginKind ofPrefix(String prefix) {
    for (PluginKind kind : values()) {
      if (kind.prefix.equals(prefix)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown plugin kind: " + prefix);
  }
}
