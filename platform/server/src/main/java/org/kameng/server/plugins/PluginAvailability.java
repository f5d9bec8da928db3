package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.kernel.pluginstate.PluginRegistry;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.TenantId;
import org.kameng.server.storefront.RecentlyRead;

/**
 * Whether the platform offers a plugin to a shop (the registry's availability and the shop's
 * approval), as read up to {@code kameng.plugins.channel-cache-seconds} (5) ago: every payment
 * start asks, and the answer changes only when a platform admin changes it. The instance where the
 * admin made the change forgets the plugin's answers at once ({@link #forget}); other instances use
 * the change within that time. Keyed by plugin and shop, so no shop is answered with another's.
 */
@ApplicationScoped
public class PluginAvailability {

  private record Key(String pluginId, TenantId tenant) {}

  // The answer names its plugin, so a change to one plugin forgets only that plugin's answers.
  private record Answer(String pluginId, boolean offered) {}

  @Inject Transactions transactions;
  @Inject InstalledPlugins plugins;

  @Inject
  @ConfigProperty(name = "kameng.plugins.channel-cache-seconds", defaultValue = "5")
  int cacheSeconds;

  private volatile RecentlyRead<Key, Answer> recent;

  private RecentlyRead<Key, Answer> recent() {
    RecentlyRead<Key, Answer> cache = recent;
    if (cache == null) {
      cache = new RecentlyRead<>(Duration.ofSeconds(Math.max(0, cacheSeconds)), 10_000);
      recent = cache;
    }
    return cache;
  }

  /** Whether the shop may use this installed plugin now: not disabled, and offered to the shop. */
  public boolean offers(LoadedFactory<?> factory, TenantId tenant) {
    return !plugins.isDisabled(factory.pluginId()) && isOffered(factory.pluginId(), tenant);
  }

  /** Whether the registry offers the plugin to the shop (a plugin it does not know yet is). */
  public boolean isOffered(String pluginId, TenantId tenant) {
    return recent()
        .get(
            new Key(pluginId, tenant),
            key ->
                new Answer(
                    key.pluginId(),
                    transactions.platform(
                        c -> PluginRegistry.isOffered(c, key.pluginId(), key.tenant().value()))))
        .offered();
  }

  /** Forgets this instance's answers about a plugin: a platform admin changed who may use it. */
  public void forget(String pluginId) {
    recent().forget(answer -> answer.pluginId().equals(pluginId));
  }
}
