package org.kameng.plugins.sandbox;

import java.util.HashMap;
import java.util.Map;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.testkit.ContractHost;

/**
 * The sandbox shop of the tests: its configuration, a {@link ContractHost} whose shop acknowledges
 * every notify the checkout page sends, and the channel created by the factory as the host does.
 */
final class TestShop {

  /** A signing secret that passes validation; the signature vectors in the tests use it. */
  static final String SECRET = "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU";

  private TestShop() {}

  /** A valid configuration: {@link #SECRET}, notifies sent. */
  static PluginConfig config() {
    return config(Map.of());
  }

  /** A valid configuration with some values replaced or added. */
  static PluginConfig config(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>();
    values.put(SandboxChannelFactory.SIGNING_SECRET, SECRET);
    values.putAll(overrides);
    return PluginConfig.of(values);
  }

  /** Tenant A's host with {@link #config()}. */
  static ContractHost host() {
    return host(config());
  }

  /**
   * Tenant A's host with this configuration. Its network is the shop's notify URL, which answers
   * {@code ok}; a test that wants another answer gives the host its own {@code answering}.
   */
  static ContractHost host(PluginConfig config) {
    return new ContractHost(ContractHost.TENANT_A, SandboxChannelFactory.ID, config)
        .answering(request -> response(200, "ok"));
  }

  /** The channel over this host, created by the factory as the host does it. */
  static SandboxChannel channel(HostContext host) {
    return new SandboxChannelFactory().create(host.tenant(), host.config(), host);
  }

  /** A plain response of the shop's notify URL. */
  static OutboundResponse response(int status, String body) {
    return new OutboundResponse(status, Headers.none(), Body.utf8(body));
  }
}
