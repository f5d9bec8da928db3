package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.settings.InvalidSettingsException;
import org.kameng.kernel.settings.PluginConfigs;
import org.kameng.kernel.settings.SealedSettings;
import org.kameng.kernel.tenancy.SqlWork;
import org.kameng.kernel.tenancy.StorageException;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.marketing.OrderEventListener;
import org.kameng.plugin.api.marketing.OrderEventListenerFactory;
import org.kameng.plugin.api.marketing.PriceRule;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;

/**
 * The marketing features and notifiers shops configure, the payment channels' counterpart for the
 * other plugin kinds: which are offered to a shop, checking a configuration against the plugin's
 * schema and its own {@code validate} before it saves, and each enabled configuration's instance,
 * built on first use and rebuilt when the configuration's revision or the plugins change.
 */
@ApplicationScoped
public class ShopPlugins {

  @Inject InstalledPlugins plugins;
  @Inject PluginCalls calls;
  @Inject SettingsCheck check;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;
  @Inject PaymentChannels channels;
  @Inject PluginAvailability availability;

  private final BuiltInstances<Object> built = new BuiltInstances<>();

  /** An enabled configuration's instance, with the circuit its calls count against. */
  public record Open<T>(TenantId tenant, UUID configId, String pluginId, T instance) {

    /** The circuit of this configuration, the same shape as a payment channel's. */
    public String circuit() {
      return tenant.value() + "/" + configId;
    }
  }

  /** The factory interface of a kind. */
  static Class<? extends ExtensionFactory<?>> point(String kind) {
    return PluginConfigs.MARKETING.equals(kind) ? PriceRuleFactory.class : NotifierFactory.class;
  }

  /** The kind of a plugin id, if it is one shops configure here. */
  public static Optional<String> kindOf(String pluginId) {
    if (pluginId == null) {
      return Optional.empty();
    }
    if (pluginId.startsWith(PluginConfigs.MARKETING)) {
      return Optional.of(PluginConfigs.MARKETING);
    }
    if (pluginId.startsWith(PluginConfigs.NOTIFIER)) {
      return Optional.of(PluginConfigs.NOTIFIER);
    }
    return Optional.empty();
  }

  /** The installed factories of one kind, disabled ones included. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<LoadedFactory<? extends ExtensionFactory<?>>> installed(String kind) {
    return (List) plugins.factories((Class) point(kind));
  }

  /** The installed factory of a plugin id, disabled or not. */
  public Optional<LoadedFactory<? extends ExtensionFactory<?>>> factory(String pluginId) {
    return kindOf(pluginId)
        .flatMap(
            kind ->
                installed(kind).stream()
                    .filter(f -> f.factory().id().equals(pluginId))
                    .findFirst());
  }

  /** Whether the shop may configure this plugin now: installed, enabled, offered to the shop. */
  public boolean isOffered(String pluginId, TenantId tenant) {
    Optional<LoadedFactory<? extends ExtensionFactory<?>>> factory = factory(pluginId);
    return factory.map(f -> availability.offers(f, tenant)).orElse(false);
  }

  /** The plugins of one kind this shop may configure. */
  public List<LoadedFactory<? extends ExtensionFactory<?>>> offered(String kind, TenantId tenant) {
    return installed(kind).stream().filter(f -> isOffered(f.factory().id(), tenant)).toList();
  }

  /**
   * Checks a shop's values for a plugin: the schema first, then the plugin's own check.
   *
   * @param values every field's value, secrets included
   * @throws InvalidSettingsException naming each field at fault
   */
  public void validate(String pluginId, Map<String, String> values, TenantId tenant) {
    LoadedFactory<? extends ExtensionFactory<?>> factory =
        factory(pluginId)
            .orElseThrow(() -> new InvalidSettingsException("plugin", "no such plugin installed"));
    if (!isOffered(pluginId, tenant)) {
      throw new InvalidSettingsException("plugin", "this plugin is not available to this shop");
    }
    List<ConfigProblem> problems =
        check.problems(
            factory.pluginId(),
            "validate/" + tenant.value() + "/" + pluginId,
            pluginId + " settings check",
            factory.factory(),
            values);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(
          problems.stream()
              .map(p -> new InvalidSettingsException.Fault("settings." + p.field(), p.message()))
              .toList());
    }
  }

  /** The names of a plugin's secret fields. */
  public Set<String> secretFields(String pluginId) {
    return factory(pluginId).map(f -> SettingsCheck.secretFields(f.factory())).orElse(Set.of());
  }

  /**
   * The shop's enabled price rules, built or reused. A configuration whose plugin is missing,
   * disabled or fails to build is left out and reported in {@code skipped}, by plugin id.
   */
  public List<Open<PriceRule>> priceRules(
      TenantId tenant, List<PluginConfigs.Enabled> enabled, List<String> skipped) {
    List<Open<PriceRule>> rules = new ArrayList<>();
    for (PluginConfigs.Enabled config : enabled) {
      try {
        rules.add(open(tenant, config, PriceRule.class));
      } catch (PluginFailureException e) {
        skipped.add(config.plugin());
      }
    }
    return rules;
  }

  /**
   * One enabled notifier configuration's instance.
   *
   * @throws PluginFailureException if the plugin is missing, disabled or fails to build
   */
  public Open<Notifier> notifier(
      TenantId tenant, PluginConfigs.Enabled config, Connection tenantConnection) {
    return open(tenant, config, Notifier.class, tenantConnection);
  }

  private <T> Open<T> open(TenantId tenant, PluginConfigs.Enabled config, Class<T> type) {
    return open(tenant, config, type, null);
  }

  /** Whether an installed plugin of this id offers an order-event listener. */
  public boolean hasListener(String pluginId) {
    return plugins.factories(OrderEventListenerFactory.class).stream()
        .anyMatch(f -> f.factory().id().equals(pluginId));
  }

  /**
   * The order-event listener of an enabled marketing configuration, or empty when its plugin offers
   * none (a price rule alone). Built and kept apart from the configuration's price rule: a plugin
   * may offer both under one id, each from its own factory.
   *
   * @throws PluginFailureException if the plugin is disabled, or its listener fails to build
   */
  public Optional<Open<OrderEventListener>> listener(
      TenantId tenant, PluginConfigs.Enabled config) {
    Optional<LoadedFactory<OrderEventListenerFactory>> factory =
        plugins.factories(OrderEventListenerFactory.class).stream()
            .filter(f -> f.factory().id().equals(config.plugin()))
            .findFirst();
    if (factory.isEmpty()) {
      return Optional.empty();
    }
    if (plugins.isDisabled(factory.get().pluginId())) {
      throw new PluginFailureException(503, "the plugin " + config.plugin() + " is disabled", null);
    }
    String key = tenant.value() + "/" + config.id() + "/listener";
    long generation = plugins.generation();
    Object instance =
        built.get(
            key,
            generation,
            config.revision(),
            () -> {
              SealedSettings.Resolved resolved = resolve(tenant, config);
              PluginConfig pluginConfig = PluginConfig.of(resolved.values());
              ShopHostContext context =
                  channels.context(tenant, config.id(), config.plugin(), pluginConfig);
              OrderEventListenerFactory listeners = factory.get().factory();
              return new BuiltInstances.Built<>(
                  generation,
                  resolved.revision(),
                  calls.call(
                      factory.get().pluginId(),
                      tenant.value() + "/" + config.id(),
                      config.plugin() + " listener setup",
                      PaymentChannels.SETUP_LIMIT,
                      () -> listeners.create(tenant, pluginConfig, context)));
            });
    return Optional.of(
        new Open<>(tenant, config.id(), config.plugin(), (OrderEventListener) instance));
  }

  // With a connection, the configuration is read in the caller's transaction (a job's), so a
  // caller that holds one never waits for a second connection from the pool.
  private <T> Open<T> open(
      TenantId tenant, PluginConfigs.Enabled config, Class<T> type, Connection tenantConnection) {
    String key = tenant.value() + "/" + config.id();
    long generation = plugins.generation();
    Object instance =
        built.get(
            key,
            generation,
            config.revision(),
            () -> {
              LoadedFactory<? extends ExtensionFactory<?>> factory =
                  factory(config.plugin())
                      .filter(f -> !plugins.isDisabled(f.pluginId()))
                      .orElseThrow(
                          () ->
                              new PluginFailureException(
                                  503,
                                  "the plugin " + config.plugin() + " is not installed",
                                  null));
              SealedSettings.Resolved resolved = resolve(tenant, config, tenantConnection);
              PluginConfig pluginConfig = PluginConfig.of(resolved.values());
              ShopHostContext context =
                  channels.context(tenant, config.id(), config.plugin(), pluginConfig);
              return new BuiltInstances.Built<>(
                  generation,
                  resolved.revision(),
                  calls.call(
                      factory.pluginId(),
                      key,
                      config.plugin() + " setup",
                      PaymentChannels.SETUP_LIMIT,
                      () -> factory.factory().create(tenant, pluginConfig, context)));
            });
    if (!type.isInstance(instance)) {
      throw new PluginFailureException(502, config.plugin() + " built the wrong kind", null);
    }
    return new Open<>(tenant, config.id(), config.plugin(), type.cast(instance));
  }

  private SealedSettings.Resolved resolve(TenantId tenant, PluginConfigs.Enabled config) {
    return resolve(tenant, config, null);
  }

  private SealedSettings.Resolved resolve(
      TenantId tenant, PluginConfigs.Enabled config, Connection tenantConnection) {
    SqlWork<Optional<SealedSettings.Resolved>> read =
        c -> PluginConfigs.resolve(c, dataKeys.forTenant(c, tenant), config.id());
    return (tenantConnection == null
            ? transactions.inTenant(tenant, read)
            : resolveIn(tenantConnection, read))
        .orElseThrow(() -> new PluginFailureException(503, "the configuration is gone", null));
  }

  private static <T> T resolveIn(Connection c, SqlWork<T> work) {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException("reading a plugin configuration failed", e);
    }
  }

  /** How long a price rule may take: it runs while the buyer waits for checkout. */
  public static final Duration PRICE_RULE_LIMIT = Duration.ofMillis(800);

  /** How long an order-event listener may take to handle one event. */
  public static final Duration LISTENER_LIMIT = Duration.ofSeconds(10);

  /** How long a notifier may take to deliver one message. */
  public static final Duration NOTIFIER_LIMIT = Duration.ofSeconds(10);
}
