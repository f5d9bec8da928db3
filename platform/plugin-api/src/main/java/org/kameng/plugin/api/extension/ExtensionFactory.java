package org.kameng.plugin.api.extension;

import java.util.List;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;

/**
 * The part every extension point shares: one factory per plugin and extension point, created once
 * by the host when the plugin loads, and one extension instance per tenant configuration, created
 * by {@link #create}.
 *
 * <p><b>Threads.</b> The host calls a factory from any thread, concurrently; a factory holds no
 * tenant state. Tenant configuration never goes into the factory, only into the instances.
 *
 * <p><b>Failures.</b> An unchecked exception thrown by any method fails that one operation for that
 * one tenant: the host logs it, reports a clear error to the caller and counts it towards the
 * circuit breaker of that tenant's configuration. Every call runs under a time limit.
 *
 * @param <T> the extension the factory creates, for example {@code PaymentChannel}
 */
public interface ExtensionFactory<T> extends PluginExtension {

  /**
   * The stable id, {@code descriptor().id()}. Never override it with anything else.
   *
   * @return the id, for example {@code payment-epay}
   */
  default String id() {
    return descriptor().id();
  }

  /**
   * What the admin UI shows and the host files the extension under. Called often; return the same
   * value every time (a constant).
   */
  PluginDescriptor descriptor();

  /**
   * The configuration a tenant fills in to enable this extension, rendered by the admin UI as a
   * form. Called often; return the same value every time (a constant). Changing it in a new plugin
   * version must keep existing tenants' values valid, or they are asked to re-enter them.
   */
  ConfigSchema configSchema();

  /**
   * Checks a tenant's configuration before the host saves it, beyond what the schema already
   * enforced (the host checks required fields, types, patterns and options first and only calls
   * this when they pass). Typical checks: the pair of fields that belong together, a key that does
   * not parse, a placeholder key such as {@code 123456}. Offline only: no network calls. Called on
   * a request thread while the admin waits.
   *
   * @param config the values with secrets resolved
   * @return the problems found, empty if the configuration may be saved; each names a field
   */
  default List<ConfigProblem> validate(PluginConfig config) {
    return List.of();
  }

  /**
   * Creates the extension for one tenant's configuration. Called lazily on first use and again
   * whenever the configuration changes; the host keeps the instance while the configuration stands,
   * may create several at once (one per server instance) and drops them without notice, so an
   * instance holds no state beyond its configuration (durable state goes to {@link
   * HostContext#store()}). Must be cheap and must not call the network. The instance is used from
   * many threads at once and must be thread-safe.
   *
   * @param tenant the shop the instance acts for
   * @param config the tenant's configuration, already validated, with secrets resolved
   * @param context the host services for this tenant and plugin; {@code context.config()} is {@code
   *     config}
   * @return the extension instance
   * @throws IllegalArgumentException if the configuration is unusable although it passed
   *     validation: every call through it then fails, and after repeated failures the host pauses
   *     the configuration and shows it as paused to the shop's owner until it is changed
   */
  T create(TenantId tenant, PluginConfig config, HostContext context);
}
