package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.http.GuardedOutboundHttp;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.payment.ChannelConfigs;
import org.kameng.kernel.payment.ChannelConfigs.ResolvedChannel;
import org.kameng.kernel.payment.Channels;
import org.kameng.kernel.payment.ConfirmManualPayment;
import org.kameng.kernel.payment.InvalidChannelException;
import org.kameng.kernel.pluginstate.PluginStore;
import org.kameng.kernel.settings.InvalidSettingsException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * The payment channels shops can use: the installed plugins' factories, and each shop
 * configuration's channel instance, built on first use and rebuilt when the configuration's
 * revision changes.
 *
 * <p>An instance is used without asking the database for {@code
 * kameng.plugins.channel-cache-seconds} (5) after its revision was last checked; then one statement
 * reads the revision, and only a new revision reads and decrypts the sealed settings again. A
 * change made through this instance is used at once ({@link #forget}); one made on another instance
 * within that time. Every change (settings, secrets, enabled) bumps the revision. Keyed by tenant
 * and configuration, so nothing is shared across shops; bounded: past {@link #MAX_BUILT}
 * configurations all are forgotten.
 */
@ApplicationScoped
public class PaymentChannels {

  /** How long a plugin may take to build a channel or check a configuration. */
  static final Duration SETUP_LIMIT = Duration.ofSeconds(5);

  @Inject InstalledPlugins plugins;
  @Inject PluginCalls calls;
  @Inject SettingsCheck check;
  @Inject PluginMail mail;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject PluginAvailability availability;

  @Inject
  @ConfigProperty(name = "kameng.public.url")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "kameng.outbound.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = "kameng.plugins.channel-cache-seconds", defaultValue = "5")
  int cacheSeconds;

  /** Configurations whose channel instance one server instance keeps. */
  static final int MAX_BUILT = 10_000;

  private volatile GuardedOutboundHttp outbound;
  private final Map<String, Built> built = new ConcurrentHashMap<>();

  /** A shop configuration's channel, ready to call through {@link PluginCalls}. */
  public record OpenChannel(
      TenantId tenant, UUID configId, String pluginId, boolean enabled, PaymentChannel channel) {

    /** The circuit this configuration's calls count against. */
    public String circuit() {
      return tenant.value() + "/" + configId;
    }
  }

  /**
   * A configuration's channel as built from one revision; {@code checkedAt} ({@link
   * System#nanoTime()}) is when that revision was last confirmed as current.
   */
  private record Built(
      long generation,
      long revision,
      String pluginId,
      boolean enabled,
      PaymentChannel channel,
      long checkedAt) {

    Built checked(long now) {
      return new Built(generation, revision, pluginId, enabled, channel, now);
    }

    OpenChannel open(TenantId tenant, UUID configId) {
      return new OpenChannel(tenant, configId, pluginId, enabled, channel);
    }
  }

  /**
   * What one check of a configuration found: whether it exists, and its settings if the instance
   * must be built again (null: the revision already built is current).
   */
  private record Lookup(boolean exists, long revision, ResolvedChannel resolved) {}

  /** The payment channels offered to shops: installed, and not disabled by a platform admin. */
  public List<LoadedFactory<PaymentChannelFactory>> installed() {
    return plugins.paymentChannels().stream()
        .filter(f -> !plugins.isDisabled(f.pluginId()))
        .toList();
  }

  /** The installed factory of a channel id, disabled or not. */
  public Optional<LoadedFactory<PaymentChannelFactory>> factory(String channelId) {
    return plugins.paymentChannels().stream()
        .filter(f -> f.factory().id().equals(channelId))
        .findFirst();
  }

  /** Whether a platform admin disabled the plugin of this channel id for every shop. */
  public boolean isDisabled(String channelId) {
    return factory(channelId).map(f -> plugins.isDisabled(f.pluginId())).orElse(false);
  }

  /**
   * Whether the shop may use this channel now: installed, not disabled, and available to every shop
   * or approved for this one. The built-in manual channel always is.
   */
  public boolean isOffered(String channelId, TenantId tenant) {
    if (ConfirmManualPayment.CHANNEL.equals(channelId)) {
      return true;
    }
    Optional<LoadedFactory<PaymentChannelFactory>> factory = factory(channelId);
    return factory.map(f -> availability.offers(f, tenant)).orElse(false);
  }

  /**
   * The shop's enabled channel configurations a payment can be started with now: a configuration
   * stays when the platform disables its plugin or withdraws it from the shop, but buyers must not
   * be offered it.
   */
  public List<Channels.Choice> offeredOnly(List<Channels.Choice> enabled, TenantId tenant) {
    return enabled.stream().filter(ch -> isOffered(ch.channel(), tenant)).toList();
  }

  /** The channels this shop may set up. */
  public List<LoadedFactory<PaymentChannelFactory>> offered(TenantId tenant) {
    return installed().stream().filter(f -> isOffered(f.factory().id(), tenant)).toList();
  }

  /**
   * The channel of a shop's configuration.
   *
   * @return empty if the shop has no such configuration
   * @throws PluginFailureException if the plugin is not installed or could not build the channel
   */
  public Optional<OpenChannel> open(TenantId tenant, UUID configId) {
    String key = tenant.value() + "/" + configId;
    long generation = plugins.generation();
    long now = System.nanoTime();
    Built known = built.get(key);
    if (known != null
        && known.generation() == generation
        && now - known.checkedAt() < TimeUnit.SECONDS.toNanos(Math.max(0, cacheSeconds))) {
      return Optional.of(known.open(tenant, configId));
    }
    Lookup lookup =
        transactions.inTenant(
            tenant,
            c -> {
              // Looked up before the data key, which would otherwise be created for any tenant id
              // a stranger puts in a notify URL.
              Optional<Long> revision = ChannelConfigs.revision(c, configId);
              if (revision.isEmpty()) {
                return new Lookup(false, 0, null);
              }
              if (known != null
                  && known.generation() == generation
                  && known.revision() == revision.get()) {
                return new Lookup(true, revision.get(), null);
              }
              // Empty if the configuration went between the two statements.
              return ChannelConfigs.resolve(c, dataKeys.forTenant(c, tenant), configId)
                  .map(resolved -> new Lookup(true, resolved.revision(), resolved))
                  .orElseGet(() -> new Lookup(false, 0, null));
            });
    if (!lookup.exists()) {
      built.remove(key);
      return Optional.empty();
    }
    if (lookup.resolved() == null) {
      // The revision this instance built from is still current.
      // Kept only if nothing forgot it meanwhile (a change through this instance).
      Built confirmed = known.checked(now);
      built.replace(key, known, confirmed);
      return Optional.of(confirmed.open(tenant, configId));
    }
    Built fresh = build(tenant, lookup.resolved(), generation, now);
    keep(key, fresh);
    return Optional.of(fresh.open(tenant, configId));
  }

  /** Forgets a configuration's channel on this instance: its settings changed. */
  public void forget(TenantId tenant, UUID configId) {
    built.remove(tenant.value() + "/" + configId);
  }

  private void keep(String key, Built entry) {
    if (built.size() >= MAX_BUILT && !built.containsKey(key)) {
      built.clear();
    }
    built.put(key, entry);
  }

  private Built build(TenantId tenant, ResolvedChannel config, long generation, long now) {
    if (ConfirmManualPayment.CHANNEL.equals(config.channel())) {
      return new Built(
          generation, config.revision(), config.channel(), config.enabled(), null, now);
    }
    String key = tenant.value() + "/" + config.id();
    LoadedFactory<PaymentChannelFactory> factory =
        factory(config.channel())
            .orElseThrow(
                () ->
                    new PluginFailureException(
                        503,
                        "the payment channel " + config.channel() + " is not installed",
                        null));
    PluginConfig pluginConfig = PluginConfig.of(config.values());
    ShopHostContext context = context(tenant, config.id(), config.channel(), pluginConfig);
    PaymentChannel channel =
        calls.call(
            config.channel(),
            key,
            config.channel() + " setup",
            SETUP_LIMIT,
            () -> factory.factory().create(tenant, pluginConfig, context));
    return new Built(
        generation, config.revision(), config.channel(), config.enabled(), channel, now);
  }

  /**
   * Checks a shop's values for a channel: the schema first, then the plugin's own check.
   *
   * @param values every field's value, secrets included
   * @throws InvalidChannelException naming each field at fault
   */
  public void validate(String channelId, Map<String, String> values, TenantId tenant) {
    if (!isOffered(channelId, tenant) && factory(channelId).isPresent()) {
      throw new InvalidChannelException(
          "channel", "this payment channel is not available to this shop");
    }
    validate(channelId, values, "validate/" + tenant.value() + "/" + channelId);
  }

  // The circuit is per shop: one shop's failing checks must not pause everybody's settings form.
  private void validate(String channelId, Map<String, String> values, String circuit) {
    if (ConfirmManualPayment.CHANNEL.equals(channelId)) {
      if (!values.isEmpty()) {
        throw new InvalidChannelException("settings", "the manual channel has no settings");
      }
      return;
    }
    LoadedFactory<PaymentChannelFactory> factory =
        factory(channelId)
            .orElseThrow(
                () -> new InvalidChannelException("channel", "no such payment channel installed"));
    if (plugins.isDisabled(factory.pluginId())) {
      throw new InvalidChannelException(
          "channel", "this payment channel is disabled by the platform");
    }
    List<ConfigProblem> problems =
        check.problems(
            channelId, circuit, channelId + " settings check", factory.factory(), values);
    if (!problems.isEmpty()) {
      throw new InvalidChannelException(
          problems.stream()
              .map(p -> new InvalidSettingsException.Fault("settings." + p.field(), p.message()))
              .toList());
    }
  }

  /** The names of a channel's secret fields; the manual channel has none. */
  public Set<String> secretFields(String channelId) {
    return factory(channelId).map(f -> SettingsCheck.secretFields(f.factory())).orElse(Set.of());
  }

  /**
   * Whether a channel says it can refund through the provider ({@code Capability.PAYMENT_REFUND});
   * the built-in manual channel cannot.
   */
  public boolean canRefund(String channelId) {
    return factory(channelId)
        .map(
            f ->
                f.factory()
                    .descriptor()
                    .capabilities()
                    .contains(org.kameng.plugin.api.extension.Capability.PAYMENT_REFUND))
        .orElse(false);
  }

  /** Where the provider sends the notify of one payment. */
  public URI notifyUrl(TenantId tenant, UUID configId, UUID paymentId) {
    return base().resolve("api/public/notify/" + tenant.value() + "/" + configId + "/" + paymentId);
  }

  /** Where a configuration's hosted pages are served, ending in {@code /}. */
  public URI pagesUrl(TenantId tenant, UUID configId) {
    return base().resolve("api/public/pages/" + tenant.value() + "/" + configId + "/");
  }

  private URI base() {
    String url = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    return URI.create(url);
  }

  /** What one shop's configuration of a plugin gets of the platform; shared by every kind. */
  ShopHostContext context(TenantId tenant, UUID configId, String pluginId, PluginConfig config) {
    return context(tenant, pluginId, config, pagesUrl(tenant, configId));
  }

  /** The same with another address of the configuration's public pages (a supplier's callbacks). */
  ShopHostContext context(TenantId tenant, String pluginId, PluginConfig config, URI pages) {
    return new ShopHostContext(
        tenant,
        pluginId,
        config,
        outbound().forCaller(tenant.value() + "/" + pluginId),
        mail.forCaller(tenant, pluginId),
        Clock.systemUTC(),
        ShopHostContext.loggerFor(tenant, pluginId),
        new PluginStore(transactions, tenant, pluginId),
        pages);
  }

  private GuardedOutboundHttp outbound() {
    GuardedOutboundHttp client = outbound;
    if (client == null) {
      synchronized (this) {
        if (outbound == null) {
          Set<String> hosts =
              Arrays.stream(allowedHosts.orElse("").split(","))
                  .map(String::strip)
                  .filter(h -> !h.isEmpty())
                  .collect(Collectors.toUnmodifiableSet());
          outbound =
              GuardedOutboundHttp.create(
                  OutboundSettings.defaults().withAllowedHosts(hosts), HostResolver.system());
        }
        client = outbound;
      }
    }
    return Objects.requireNonNull(client);
  }
}
