package org.kameng.plugins.epay;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.OutboundHttp;

/** A host context for unit tests: the EPay channel must not need the network or the store. */
final class TestHost implements HostContext {

  static final TenantId TENANT =
      new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000a0001"));

  /** A merchant key that passes the key check; used to sign the vectors in the tests. */
  static final String KEY = "Kq7vR2xN9pLm4TsW8bYc3HdF6gJz5AeU";

  static final String PID = "1001";

  private final PluginConfig config;

  TestHost(PluginConfig config) {
    this.config = config;
  }

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

  /** A channel of {@link #config} with these overrides, created as the host would. */
  static EpayChannel channel(Map<String, String> overrides) {
    PluginConfig config = config(overrides);
    return new EpayChannelFactory().create(TENANT, config, new TestHost(config));
  }

  @Override
  public TenantId tenant() {
    return TENANT;
  }

  @Override
  public String pluginId() {
    return EpayChannelFactory.ID;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public OutboundHttp http() {
    return request -> {
      throw new AssertionError("EPay page mode must not call the network: " + request.uri());
    };
  }

  @Override
  public Clock clock() {
    return Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("test.payment-epay");
  }

  @Override
  public URI pagesUrl() {
    return URI.create("https://shop.example/api/public/pages/" + TENANT.value() + "/epay/");
  }

  @Override
  public KeyValueStore store() {
    return new KeyValueStore() {
      @Override
      public Optional<String> get(String key) {
        throw new AssertionError("EPay must not use the store");
      }

      @Override
      public void put(String key, String value) {
        throw new AssertionError("EPay must not use the store");
      }

      @Override
      public boolean putIfAbsent(String key, String value) {
        throw new AssertionError("EPay must not use the store");
      }

      @Override
      public boolean compareAndSet(String key, String expected, String replacement) {
        throw new AssertionError("EPay must not use the store");
      }

      @Override
      public boolean delete(String key) {
        throw new AssertionError("EPay must not use the store");
      }
    };
  }
}
