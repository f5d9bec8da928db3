package org.kameng.plugins.epay;

import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * The 易支付 (EPay) payment channel, id {@code payment-epay}: the protocol most Chinese card shops and
 * their gateways speak. A shop configures the gateway's base URL, its merchant id and key, the
 * payment type and how the buyer is sent to the gateway; see {@link EpayChannel}.
 *
 * <p>Stateless and thread-safe. Not yet supported: the API mode ({@code mapi.php}) and protocol v2
 * (SHA256WithRSA).
 */
public final class EpayChannelFactory implements PaymentChannelFactory {

  /** The published id; tenants' configurations and old payments refer to it. */
  public static final String ID = "payment-epay";

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("易支付", "EPay (易支付)"));

  /** Creates the factory; the host does this once when the plugin loads. */
  public EpayChannelFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return EpayConfigSchema.SCHEMA;
  }

  /**
   * Refuses a merchant key anyone could guess (empty, short, a placeholder or a documented example)
   * and a gateway URL that is not a base address; each problem names its field.
   */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return EpaySettings.problems(config);
  }

  /**
   * Creates the channel. Checks the configuration again, so that a weak key that reached the store
   * some other way still cannot verify a notify.
   */
  @Override
  public EpayChannel create(TenantId tenant, PluginConfig config, HostContext context) {
    return new EpayChannel(EpaySettings.from(config));
  }
}
