package org.kameng.plugins.example;

import java.util.HashMap;
import java.util.Map;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.testkit.ContractHost;

/** The Example Pay merchant accounts of the tests: two shops with keys of their own. */
final class TestMerchant {

  static final String GATEWAY = "https://gateway.example-pay.example/";

  /** Shop A's merchant id and key ({@code openssl rand -hex 32}). */
  static final String MERCHANT_A = "M10001";

  static final String KEY_A = "22b198c6c89c55706fe20652d42379011e2ecf73fc0bfa5689d7bea108ad8caa";

  /** Shop B's merchant id and key, another {@code openssl rand -hex 32}. */
  static final String MERCHANT_B = "M20002";

  static final String KEY_B = "715b129710b37d0541a222bbc6fbb6823b1d112415ebc2c2dd2aa6dc6590c70e";

  /** The key Example Pay's documentation signs its examples with: public, so refused. */
  static final String SAMPLE_KEY =
      "39973e7028c6ad51b7e97abbd604121a4616424ba283b18ad848cb1a29d4ab32";

  private TestMerchant() {}

  /** Shop A's configuration, with some values replaced or added. */
  static PluginConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put(ExamplePayChannelFactory.GATEWAY_URL, GATEWAY);
    values.put(ExamplePayChannelFactory.MERCHANT_ID, MERCHANT_A);
    values.put(ExamplePayChannelFactory.SECRET_KEY, KEY_A);
    values.putAll(overrides);
    return PluginConfig.of(values);
  }

  /** Shop B's configuration. */
  static PluginConfig configB() {
    return config(
        Map.of(
            ExamplePayChannelFactory.MERCHANT_ID, MERCHANT_B,
            ExamplePayChannelFactory.SECRET_KEY, KEY_B));
  }

  /** Shop A's host: no network unless the test answers. */
  static ContractHost host() {
    return new ContractHost(ContractHost.TENANT_A, ExamplePayChannelFactory.ID, config(Map.of()));
  }

  /** Shop A's channel over this host, created as the host creates it. */
  static ExamplePayChannel channel(ContractHost host) {
    return (ExamplePayChannel)
        new ExamplePayChannelFactory().create(host.tenant(), host.config(), host);
  }
}
