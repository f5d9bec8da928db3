package org.kameng.plugins.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.testkit.ContractHost;

/**
 * A {@link ContractHost} whose store lets a test play another server instance: {@link #afterGet}
 * runs after each read has taken its value, so it can write through {@code host.store()} between
 * the channel's read and its next write. Everything else is the wrapped host's, so both channels
 * share one store, clock and network.
 */
final class RacingHost implements HostContext {

  private final ContractHost host;
  private final KeyValueStore store;

  /** What "another server" does after a read of the given key. */
  volatile Consumer<String> afterGet = key -> {};

  RacingHost(ContractHost host) {
    this.host = host;
    this.store = new RacingStore(host.store());
  }

  @Override
  public TenantId tenant() {
    return host.tenant();
  }

  @Override
  public String pluginId() {
    return host.pluginId();
  }

  @Override
  public PluginConfig config() {
    return host.config();
  }

  @Override
  public OutboundHttp http() {
    return host.http();
  }

  @Override
  public Clock clock() {
    return host.clock();
  }

  @Override
  public System.Logger logger() {
    return host.logger();
  }

  @Override
  public KeyValueStore store() {
    return store;
  }

  @Override
  public URI pagesUrl() {
    return host.pagesUrl();
  }

  /** The wrapped store, with the hook after reads. */
  private final class RacingStore implements KeyValueStore {
    private final KeyValueStore shared;

    RacingStore(KeyValueStore shared) {
      this.shared = shared;
    }

    @Override
    public Optional<String> get(String key) {
      Optional<String> value = shared.get(key);
      afterGet.accept(key);
      return value;
    }

    @Override
    public void put(String key, String value) {
      shared.put(key, value);
    }

    @Override
    public void put(String key, String value, Duration keepFor) {
      shared.put(key, value, keepFor);
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
      return shared.putIfAbsent(key, value);
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration keepFor) {
      return shared.putIfAbsent(key, value, keepFor);
    }

    @Override
    public boolean compareAndSet(String key, String expected, String replacement) {
      return shared.compareAndSet(key, expected, replacement);
    }

    @Override
    public boolean delete(String key) {
      return shared.delete(key);
    }
  }
}
