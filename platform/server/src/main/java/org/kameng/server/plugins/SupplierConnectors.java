package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.http.GuardedOutboundHttp;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.pluginstate.PluginStore;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.InvalidSupplierException;
import org.kameng.kernel.upstream.SupplierConfigs;
import org.kameng.kernel.upstream.SupplierConfigs.ResolvedSupplier;
import org.kameng.kernel.upstream.UpstreamSupplier;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.supplier.SupplierConnector;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.kameng.plugin.api.supplier.UpstreamCallback;
import org.kameng.plugin.api.supplier.UpstreamItem;
import org.kameng.plugin.api.supplier.UpstreamOrder;
import org.kameng.plugin.api.supplier.UpstreamResult;

/**
 * The supplier connectors shops can use: the installed plugins' factories, and each shop
 * configuration's connector, built on first use and rebuilt when the configuration's revision or
 * the plugins change. Every call into a connector goes through {@link PluginCalls} (time limit,
 * circuit per configuration, bulkheads). For the kernel's purchase job, any failure of a call is an
 * unknown outcome ({@link IOException}): the job then queries before it places again.
 */
@ApplicationScoped
public class SupplierConnectors implements UpstreamSupplier {

  /** How long a connector may take to build or to check a configuration. */
  static final Duration SETUP_LIMIT = Duration.ofSeconds(5);

  /** How long one upstream call may take. */
  static final Duration CALL_LIMIT = Duration.ofSeconds(20);

  @Inject InstalledPlugins plugins;
  @Inject PluginCalls calls;
  @Inject PluginMail mail;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;

  @Inject
  @ConfigProperty(name = "kameng.public.url")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "kameng.outbound.allowed-hosts")
  Optional<String> allowedHosts;

  private volatile GuardedOutboundHttp outbound;
  private final Map<String, Built> built = new ConcurrentHashMap<>();

  private record Built(long generation, long revision, SupplierConnector connector) {}

  /** The installed supplier connectors, disabled ones included. */
  public List<LoadedFactory<SupplierConnectorFactory>> installed() {
    return plugins.factories(SupplierConnectorFactory.class);
  }

  /** The installed factory of a connector id. */
  public Optional<LoadedFactory<SupplierConnectorFactory>> factory(String connectorId) {
    return installed().stream().filter(f -> f.factory().id().equals(connectorId)).findFirst();
  }

  /** The connectors this shop may set up: installed, not disabled, offered to the shop. */
  public List<LoadedFactory<SupplierConnectorFactory>> offered(TenantId tenant) {
    return installed().stream().filter(f -> isOffered(f, tenant)).toList();
  }

  private boolean isOffered(LoadedFactory<SupplierConnectorFactory> factory, TenantId tenant) {
    return !plugins.isDisabled(factory.pluginId())
        && transactions.platform(
            c -> PluginRegistry.isOffered(c, factory.pluginId(), tenant.value()));
  }

  /**
   * Checks a shop's values for a connector: the schema first, then the plugin's own check.
   *
   * @throws InvalidSupplierException naming each field at fault
   */
  public void validate(String connectorId, Map<String, String> values, TenantId tenant) {
    LoadedFactory<SupplierConnectorFactory> factory =
        factory(connectorId)
            .orElseThrow(
                () ->
                    new InvalidSupplierException(
                        "connector", "no such supplier connector installed"));
    if (!isOffered(factory, tenant)) {
      throw new InvalidSupplierException(
          "connector", "this supplier connector is not available to this shop");
    }
    List<ConfigProblem> problems =
        new ArrayList<>(factory.factory().configSchema().problems(values));
    if (problems.isEmpty()) {
      problems.addAll(
          calls.call(
              factory.pluginId(),
              "validate/" + tenant.value() + "/" + connectorId,
              connectorId + " settings check",
              SETUP_LIMIT,
              () -> factory.factory().validate(PluginConfig.of(values))));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSupplierException(
          problems.stream()
              .map(p -> new InvalidSupplierException.Fault("values." + p.field(), p.message()))
              .toList());
    }
  }

  /** The names of a connector's secret fields. */
  public Set<String> secretFields(String connectorId) {
    return factory(connectorId)
        .map(
            f ->
                f.factory().configSchema().fields().stream()
                    .filter(field -> field.secret() || field.type() == FieldType.SECRET)
                    .map(ConfigField::name)
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** The circuit a configuration's calls count against. */
  public static String circuit(TenantId tenant, UUID configId) {
    return tenant.value() + "/" + configId;
  }

  /**
   * The upstream's catalogue, as the configuration's connector lists it.
   *
   * @throws PluginFailureException if the connector failed, timed out or could not be reached
   */
  public List<UpstreamItem> catalogue(TenantId tenant, UUID configId) {
    Open open = open(tenant, configId);
    return calls.call(
        open.pluginId(),
        circuit(tenant, configId),
        open.pluginId() + " catalogue",
        CALL_LIMIT,
        () -> {
          try {
            return open.connector().fetchCatalogue();
          } catch (IOException e) {
            throw new PluginFailureException(
                502, "the upstream could not be reached: " + e.getMessage(), e);
          }
        });
  }

  @Override
  public UpstreamResult place(TenantId tenant, UUID configId, UpstreamOrder order)
      throws IOException {
    Open open = openForJob(tenant, configId);
    return unknownOnFailure(
        () ->
            calls.call(
                open.pluginId(),
                circuit(tenant, configId),
                open.pluginId() + " place order",
                CALL_LIMIT,
                () -> open.connector().placeOrder(order)));
  }

  @Override
  public Optional<UpstreamResult> query(
      TenantId tenant, UUID configId, String orderLineId, Optional<String> upstreamOrderId)
      throws IOException {
    Open open = openForJob(tenant, configId);
    return unknownOnFailure(
        () ->
            calls.call(
                open.pluginId(),
                circuit(tenant, configId),
                open.pluginId() + " query order",
                CALL_LIMIT,
                () -> open.connector().queryOrder(orderLineId, upstreamOrderId)));
  }

  @Override
  public URI callbackUrl(TenantId tenant, UUID configId, String orderLineId) {
    return base()
        .resolve("api/public/upstream/" + tenant.value() + "/" + configId + "/" + orderLineId);
  }

  /**
   * What the configuration's connector makes of an upstream's callback; empty if the shop has no
   * such configuration.
   *
   * @throws PluginFailureException if the connector failed or cannot be used now
   */
  public Optional<UpstreamCallback> interpretCallback(
      TenantId tenant, UUID configId, InboundRequest request) {
    Open open;
    try {
      open = open(tenant, configId);
    } catch (PluginFailureException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(
        calls.call(
            open.pluginId(),
            circuit(tenant, configId),
            open.pluginId() + " callback check",
            SETUP_LIMIT,
            () -> open.connector().interpretCallback(request)));
  }

  private interface Call<T> {
    T run();
  }

  // Whatever went wrong (the plugin threw, timed out, its circuit is open, the upstream could not
  // be reached), nobody knows whether the upstream bought: the job must ask before placing again.
  private static <T> T unknownOnFailure(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (PluginFailureException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private Open openForJob(TenantId tenant, UUID configId) throws IOException {
    try {
      return open(tenant, configId);
    } catch (PluginFailureException | IllegalStateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** A configuration's connector with its plugin id. */
  record Open(String pluginId, SupplierConnector connector) {}

  /**
   * The connector of a shop's configuration.
   *
   * @throws PluginFailureException 404 if the shop has no such configuration, 503 if it is disabled
   *     or its plugin is not installed, or the plugin's failure to build it
   */
  Open open(TenantId tenant, UUID configId) {
    ResolvedSupplier config =
        transactions
            .inTenant(
                tenant,
                c ->
                    SupplierConfigs.revision(c, configId).isEmpty()
                        ? Optional.<ResolvedSupplier>empty()
                        : SupplierConfigs.resolve(c, dataKeys.forTenant(c, tenant), configId))
            .orElseThrow(
                () -> new PluginFailureException(404, "no such supplier in this shop", null));
    LoadedFactory<SupplierConnectorFactory> factory =
        factory(config.connector())
            .orElseThrow(
                () ->
                    new PluginFailureException(
                        503,
                        "the supplier connector " + config.connector() + " is not installed",
                        null));
    if (!config.enabled() || plugins.isDisabled(factory.pluginId())) {
      throw new PluginFailureException(503, "this supplier is disabled", null);
    }
    String key = circuit(tenant, configId);
    long generation = plugins.generation();
    Built current = built.get(key);
    if (current == null
        || current.revision() != config.revision()
        || current.generation() != generation) {
      PluginConfig pluginConfig = PluginConfig.of(config.values());
      ShopHostContext context =
          new ShopHostContext(
              tenant,
              factory.pluginId(),
              pluginConfig,
              outbound().forCaller(tenant.value() + "/" + factory.pluginId()),
              mail.forCaller(tenant, factory.pluginId()),
              Clock.systemUTC(),
              ShopHostContext.loggerFor(tenant, factory.pluginId()),
              new PluginStore(transactions, tenant, factory.pluginId()),
              base().resolve("api/public/upstream/" + tenant.value() + "/" + configId + "/"));
      SupplierConnector connector =
          calls.call(
              factory.pluginId(),
              key,
              config.connector() + " setup",
              SETUP_LIMIT,
              () -> factory.factory().create(tenant, pluginConfig, context));
      current = new Built(generation, config.revision(), connector);
      built.put(key, current);
    }
    return new Open(factory.pluginId(), current.connector());
  }

  private URI base() {
    return URI.create(publicUrl.endsWith("/") ? publicUrl : publicUrl + "/");
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
    return client;
  }
}
