package org.kameng.plugins.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * A host for unit tests: an in-memory store with the real store's atomic put-if-absent and
 * compare-and-set and its key and value limits, a clock the test moves, and an HTTP client that
 * records what it is asked to send and answers as the test says.
 */
final class TestHost implements HostContext {

  static final TenantId TENANT =
      new TenantId(UUID.fromString("00000000-0000-4000-8000-0000000b0001"));

  /** A signing secret that passes validation; the signature vectors in the tests use it. */
  static final String SECRET = "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU";

  /** 2026-11-22T10:15:00Z, {@code date -u -d 2026-11-22T10:15:00Z +%s} = 1795342500. */
  static final Instant START = Instant.ofEpochSecond(1_795_342_500L);

  static final URI PAGES = URI.create("https://shop.example/api/public/pages/t1/c1/");

  /** How the fake shop answers a notify. */
  interface Responder {
    OutboundResponse answer(OutboundRequest request) throws IOException;
  }

  final MovableClock clock = new MovableClock(START);
  final MemoryStore store = new MemoryStore();
  final List<OutboundRequest> sent = new CopyOnWriteArrayList<>();
  volatile Responder shop = request -> response(200, "ok");
  private final PluginConfig config;

  TestHost(PluginConfig config) {
    this.config = config;
  }

  /** A host configured with {@link #SECRET}. */
  TestHost() {
    this(PluginConfig.of(Map.of(SandboxChannelFactory.SIGNING_SECRET, SECRET)));
  }

  /** The channel, created by the factory as the host does it. */
  SandboxChannel channel() {
    return new SandboxChannelFactory().create(TENANT, config, this);
  }

  static OutboundResponse response(int status, String body) {
    return new OutboundResponse(status, Headers.none(), Body.utf8(body));
  }

  @Override
  public TenantId tenant() {
    return TENANT;
  }

  @Override
  public String pluginId() {
    return SandboxChannelFactory.ID;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public OutboundHttp http() {
    return request -> {
      sent.add(request);
      return shop.answer(request);
    };
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public System.Logger logger() {
    return System.getLogger("test.payment-sandbox");
  }

  @Override
  public KeyValueStore store() {
    return store;
  }

  @Override
  public URI pagesUrl() {
    return PAGES;
  }

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the plugin reads instants only");
    }
  }

  /** The store's semantics in memory; limits as the kernel's store enforces them. */
  static final class MemoryStore implements KeyValueStore {
    final Map<String, String> values = new ConcurrentHashMap<>();

    /**
     * Runs after every read has taken its value: lets a test write as another server instance would
     * between this read and the caller's next write.
     */
    volatile Consumer<String> afterGet = key -> {};

    @Override
    public Optional<String> get(String key) {
      Optional<String> value = Optional.ofNullable(values.get(checkKey(key)));
      afterGet.accept(key);
      return value;
    }

    @Override
    public void put(String key, String value) {
      values.put(checkKey(key), checkValue(value));
    }

    @Override
    public boolean putIfAbsent(String key, String value) {
      return values.putIfAbsent(checkKey(key), checkValue(value)) == null;
    }

    @Override
    public boolean compareAndSet(String key, String expected, String replacement) {
      return values.replace(checkKey(key), expected, checkValue(replacement));
    }

    @Override
    public boolean delete(String key) {
      return values.remove(checkKey(key)) != null;
    }

    private static String checkKey(String key) {
      if (key == null
          || key.isEmpty()
          || key.length() > 200
          || key.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("bad key");
      }
      return key;
    }

    private static String checkValue(String value) {
      // the kernel's store allows 16,384 characters, less than the API's documented 64 KiB
      if (value == null || value.length() > 16_384) {
        throw new IllegalArgumentException("bad value");
      }
      return value;
    }
  }
}
