package org.kameng.server.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.plugins.LoadFailure;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.host.plugins.PluginHost;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * The plugins installed on this server, loaded from the plugins folder when the application starts.
 * A plugin that cannot load is refused alone and listed with its reason; the server starts
 * regardless.
 */
@ApplicationScoped
public class InstalledPlugins {

  private static final Logger LOG = Logger.getLogger(InstalledPlugins.class.getName());

  @Inject
  @ConfigProperty(name = "kameng.plugins.dir")
  String pluginsDir;

  private volatile PluginHost host;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    host();
  }

  /** The loaded plugin host, opened on first use. */
  synchronized PluginHost host() {
    if (host == null) {
      Path folder = Path.of(pluginsDir).toAbsolutePath();
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the plugins folder " + folder, e);
      }
      host = PluginHost.open(folder);
      LOG.info(
          () ->
              "Plugins from "
                  + folder
                  + ": "
                  + host.paymentChannels().size()
                  + " payment channel(s), "
                  + host.failures().size()
                  + " refused");
      host.failures().forEach(f -> LOG.warning(() -> "Plugin refused: " + f));
    }
    return host;
  }

  /** The payment channel factories of the installed plugins. */
  public List<LoadedFactory<PaymentChannelFactory>> paymentChannels() {
    return host().paymentChannels();
  }

  /** The plugins that could not be loaded, with the reason. */
  public List<LoadFailure> failures() {
    return host().failures();
  }

  @PreDestroy
  void close() {
    PluginHost open = host;
    if (open != null) {
      open.close();
    }
  }
}
