package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.upstream.InvalidSupplierException;
import org.kameng.kernel.upstream.SupplierConfigs;
import org.kameng.kernel.upstream.SupplierConfigs.ResolvedSupplier;
import org.kameng.kernel.upstream.UpstreamSupplier;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
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
  @Inject SettingsCheck check;
  @Inject PaymentChannels channels;
  @Inject Transactions transactions;
  @Inject DataKeys dataKeys;

  @Inject
  @ConfigProperty(name = "kameng.public.url")
  String publicUrl;

  private final BuiltInstances<SupplierConnector> built = new BuiltInstances<>();

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
        check.problems(
            factory.pluginId(),
            "validate/" + tenant.value() + "/" + connectorId,
            connectorId + " settings check",
            factory.factory(),
            values);
    if (!problems.isEmpty()) {
      throw new InvalidSupplierException(
          problems.stream()
              .map(p -> new InvalidSupplierException.Fault("values." + p.field(), p.message()))
              .toList());
    }
  }

  /** The names of a connector's secret fields. */
  public Set<String> secretFields(String connectorId) {
    return factory(connectorId).map(f -> SettingsCheck.secretFields(f.factory())).orElse(Set.of());
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
    SupplierConnector connector =
        built.get(
            key,
            generation,
            config.revision(),
            () -> {
              PluginConfig pluginConfig = PluginConfig.of(config.values());
              ShopHostContext context =
                  channels.context(
                      tenant,
                      factory.pluginId(),
                      pluginConfig,
                      base()
                          .resolve("api/public/upstream/" + tenant.value() + "/" + configId + "/"));
              return new BuiltInstances.Built<>(
                  generation,
                  config.revision(),
                  calls.call(
                      factory.pluginId(),
                      key,
                      config.connector() + " setup",
                      SETUP_LIMIT,
                      () -> factory.factory().create(tenant, pluginConfig, context)));
            });
    return new Open(factory.pluginId(), connector);
  }

  private URI base() {
    return URI.create(publicUrl.endsWith("/") ? publicUrl : publicUrl + "/");
  }
}
