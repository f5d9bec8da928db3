package org.kameng.plugins.epay;

import java.util.HashMap;
import java.util.Map;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.testkit.ContractHost;

/**
 * The EPay merchant account of the tests: its configuration and channel, created as the host would.
 */
final class TestMerchant {

  static final TenantId TENANT = ContractHost.TENANT_A;

  /** A merchant key that passes the key check; used to sign the vectors in the tests. */
  static final String KEY = "Kq7vR2xN9pLm4TsW8bYc3HdF6gJz5AeU";

  static final String PID = "1001";

  private TestMerchant() {}

  /** A valid configuration, with some values replaced or added. */
  static PluginConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put("gatewayUrl", "https://pay.gateway.example/");
    values.put("pid", PID);
    values.put("merchantKey", KEY);
    values.put("paymentType", "alipay");
    values.put("mode", "submit");
    values.putAll(overrides);
    return PluginConfig.of(values);
  }

  /**
   * The host context of this configuration. A {@link ContractHost} fails the test if EPay, which
   * needs no network in page mode, ever calls out.
   */
  static ContractHost host(PluginConfig config) {
    return new ContractHost(TENANT, EpayChannelFactory.ID, config);
  }

  /** A channel of {@link #config} with these overrides. */
  static EpayChannel channel(Map<String, String> overrides) {
    PluginConfig config = config(overrides);
    return new EpayChannelFactory().create(TENANT, config, host(config));
  }
}
