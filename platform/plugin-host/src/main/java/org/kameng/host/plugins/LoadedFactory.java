package org.kameng.host.plugins;

import java.util.Objects;
import org.kameng.plugin.api.extension.ExtensionFactory;

/**
 * An extension factory found in a loaded plugin, with the plugin it came from.
 *
 * @param pluginId the id of the plugin that brought the factory
 * @param pluginVersion that plugin's version, as its descriptor declares it
 * @param factory the factory, created once when the plugin loaded; its class was loaded by the
 *     plugin's class loader
 * @param <F> the extension point, for example {@code PaymentChannelFactory}
 */
public record LoadedFactory<F extends ExtensionFactory<?>>(
    String pluginId, String pluginVersion, F factory) {

  /** Checks that every part is present. */
  public LoadedFactory {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(pluginVersion, "pluginVersion");
    Objects.requireNonNull(factory, "factory");
  }
}
