package org.kameng.plugins.example;

import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * The payment channel of Example Pay, an imaginary provider, id {@code payment-example}: the
 * template a plugin author copies. The host finds this class through {@code
 * META-INF/services/org.kameng.plugin.api.payment.PaymentChannelFactory}, creates it once when the
 * plugin loads (hence the public no-argument constructor), and then asks it, from any thread, for
 * its descriptor and settings form, to check a shop's settings and to create one {@link
 * ExamplePayChannel} per shop configuration.
 *
 * <p>A factory holds no shop's state: everything a shop entered arrives in {@link #create}.
 */
public final class ExamplePayChannelFactory implements PaymentChannelFactory {

  /**
   * The published id, {@code <kind>-<vendor>}. Shops' configurations and old payments refer to it,
   * so it never changes once a shop has used it; it equals {@code plugin.id} in plugin.properties.
   */
  public static final String ID = "payment-example";

  // Field names are published as well: shops' stored values are keyed by them.
  static final String GATEWAY_URL = "gatewayUrl";
  static final String MERCHANT_ID = "merchantId";
  static final String SECRET_KEY = "secretKey";

  /**
   * Both languages, always: the admin UI shows the Chinese name to Chinese shops. Declare only the
   * capabilities you implement; a declared capability is a promise. This channel can query a
   * payment's status but cannot refund, so it declares {@code PAYMENT_QUERY} alone.
   */
  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("示例支付（模板）", "Example Pay (template)"))
          .withCapabilities(Capability.PAYMENT_QUERY);

  /**
   * The form a shop owner fills in. The host checks types, required fields and patterns before it
   * calls {@link #validate}; a {@code SECRET} field is stored encrypted, never shown again and
   * never returned by the admin API. A default is only proposed in the form: a shop that leaves the
   * field out saves no value, so read optional fields with {@code find(...).orElse(...)}.
   */
  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(GATEWAY_URL, FieldType.URL, LocalizedText.of("网关地址", "Gateway base URL"))
              .withDefault("https://gateway.example-pay.example/"),
          ConfigField.of(MERCHANT_ID, FieldType.STRING, LocalizedText.of("商户号", "Merchant id"))
              .withPattern("[0-9A-Za-z]{4,32}"),
          ConfigField.of(
              SECRET_KEY,
              FieldType.SECRET,
              LocalizedText.of("商户密钥（64 位十六进制）", "Secret key (64 hexadecimal characters)")));

  /** Creates the factory; the host does this once when the plugin loads. */
  public ExamplePayChannelFactory() {}

  /** A constant: the host and the admin UI call this often. */
  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** A constant: the host and the admin UI call this often. */
  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /**
   * The checks the schema cannot make: an https gateway, and a secret key that is really secret.
   * With a guessable key anyone can sign a notify that pays an order, so placeholders and the key
   * of the provider's documentation are refused here. Offline only: the shop owner is waiting, and
   * the host gives this a few seconds. Messages name the field and never repeat a value.
   */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return ExamplePaySettings.problems(config);
  }

  /**
   * The channel for one shop's configuration. Called lazily and again whenever the configuration
   * changes; must be cheap and must not call the network. The settings are checked again, so a weak
   * key that reached the store some other way still cannot verify a notify.
   *
   * @throws IllegalArgumentException naming the field if the configuration is unusable
   */
  @Override
  public PaymentChannel create(TenantId tenant, PluginConfig config, HostContext context) {
    return new ExamplePayChannel(ExamplePaySettings.from(config), context);
  }
}
