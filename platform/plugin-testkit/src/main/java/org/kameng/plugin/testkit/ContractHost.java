package org.kameng.plugin.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.plugin.api.mail.MailMessage;
import org.kameng.plugin.api.mail.MailRejectedException;
import org.kameng.plugin.api.mail.MailServer;
import org.kameng.plugin.api.mail.OutboundMail;

/**
 * A {@link HostContext} for plugin tests: what the platform hands a plugin, with the parts a test
 * needs to control or inspect.
 *
 * <ul>
 *   <li>a real in-memory {@link KeyValueStore} with the API's atomic semantics and limits ({@link
 *       #stored()} shows its contents);
 *   <li>a clock that stands still at {@link #START} until the test moves it ({@link #at}, {@link
 *       #advance}), so freshness windows are tested deterministically;
 *   <li>an {@link OutboundHttp} that fails the test when the plugin reaches for the network, unless
 *       the test supplies an answer with {@link #answering}; every attempt is recorded ({@link
 *       #requests()});
 *   <li>an {@link OutboundMail} that fails the test likewise unless the test supplies a transport
 *       with {@link #sendingMailThrough} (usually {@link SmtpFarSide#transport()}, the platform's
 *       own transport to a real SMTP server); every message is recorded ({@link #mails()});
 *   <li>a logger that records each line ({@link #logLines()}) instead of printing it, so a test can
 *       prove that no secret is ever logged.
 * </ul>
 *
 * <p>As the API requires, every accessor returns the same object on each call, and everything is
 * thread-safe: a plugin may be called from several threads in one test.
 */
public final class ContractHost implements HostContext {

  /** Where every host's clock starts: a fixed instant, so test runs are repeatable. */
  public static final Instant START = Instant.parse("2026-11-22T10:15:00Z");

  /** The first shop of contract tests. */
  public static final TenantId TENANT_A =
      new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));

  /** The second shop, whose merchant account must never be confused with {@link #TENANT_A}'s. */
  public static final TenantId TENANT_B =
      new TenantId(UUID.fromString("00000000-0000-4000-8000-00000000000b"));

  private final TenantId tenant;
  private final String pluginId;
  private final PluginConfig config;
  private final URI pagesUrl;
  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock = new HostClock(now, ZoneOffset.UTC);
  private final MemoryStore store = new MemoryStore();
  private final RecordingLogger logger;
  private final List<OutboundRequest> requests = new ArrayList<>();
  private final OutboundHttp http = this::send;
  private volatile OutboundHttp answers;
  private final List<MailMessage> mails = new ArrayList<>();
  private final OutboundMail mail = this::sendMail;
  private volatile OutboundMail mailTransport;

  /**
   * A host for one tenant's configuration of one plugin.
   *
   * @param tenant the shop
   * @param pluginId the extension's id, for example {@code payment-epay}
   * @param config the configuration the extension is created with
   */
  public ContractHost(TenantId tenant, String pluginId, PluginConfig config) {
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    this.config = Objects.requireNonNull(config, "config");
    // the real host names the configuration by its id; a stable one per (tenant, plugin) will do
    UUID configId =
        UUID.nameUUIDFromBytes((tenant + "/" + pluginId).getBytes(StandardCharsets.UTF_8));
    this.pagesUrl =
        URI.create("https://shop.test/api/public/pages/" + tenant.value() + "/" + configId + "/");
    this.logger = new RecordingLogger("kameng.plugin." + pluginId);
  }

  /** Sets the clock to this instant; it stays there until moved again. */
  public ContractHost at(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
    return this;
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public ContractHost advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    now.updateAndGet(instant -> instant.plus(duration));
    return this;
  }

  /**
   * Lets the plugin reach the network: each request goes to {@code handler} (a stub of the
   * provider's API), and is still recorded.
   */
  public ContractHost answering(OutboundHttp handler) {
    this.answers = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /**
   * Lets the plugin send mail: each message goes to {@code transport} (usually {@link
   * SmtpFarSide#transport()}), and is still recorded.
   */
  public ContractHost sendingMailThrough(OutboundMail transport) {
    this.mailTransport = Objects.requireNonNull(transport, "transport");
    return this;
  }

  /** Every message the plugin tried to send, accepted or not, in order. */
  public List<MailMessage> mails() {
    synchronized (mails) {
      return List.copyOf(mails);
    }
  }

  /** Every request the plugin tried to send, answered or not, in order. */
  public List<OutboundRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** A copy of what the plugin stored, by key. */
  public Map<String, String> stored() {
    return store.snapshot();
  }

  /** Every line the plugin logged, as {@code LEVEL message}, with any exception appended. */
  public List<String> logLines() {
    return logger.lines();
  }

  @Override
  public TenantId tenant() {
    return tenant;
  }

  @Override
  public String pluginId() {
    return pluginId;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public OutboundHttp http() {
    return http;
  }

  @Override
  public OutboundMail mail() {
    return mail;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public System.Logger logger() {
    return logger;
  }

  @Override
  public KeyValueStore store() {
    return store;
  }

  @Override
  public URI pagesUrl() {
    return pagesUrl;
  }

  private OutboundResponse send(OutboundRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    synchronized (requests) {
      requests.add(request);
    }
    OutboundHttp handler = answers;
    if (handler == null) {
      // an Error, not an IOException: a plugin that catches IOException must not hide the call
      throw new AssertionError(
          pluginId
              + " called the network ("
              + request.method()
              + " "
              + request.uri()
              + ") where the test allows none; give the ContractHost an answering(...) handler if"
              + " this call is intended");
    }
    return handler.send(request);
  }

  private void sendMail(MailServer server, MailMessage message, Duration timeout)
      throws IOException, MailRejectedException {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(message, "message");
    synchronized (mails) {
      mails.add(message);
    }
    OutboundMail transport = mailTransport;
    if (transport == null) {
      throw new AssertionError(
          pluginId
              + " sent mail where the test allows none; give the ContractHost a"
              + " sendingMailThrough(...) transport if this is intended");
    }
    transport.send(server, message, timeout);
  }

  @Override
  public String toString() {
    return "ContractHost[" + tenant + ", " + pluginId + ", " + now.get() + "]";
  }

  /** A clock that reads the host's settable instant; derived clocks share it. */
  private static final class HostClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    HostClock(AtomicReference<Instant> now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new HostClock(now, other);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
