package org.kameng.host.plugins;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins of this platform: loads every plugin in the plugins folder once, and offers the
 * extension factories they bring. A plugin is loaded whole or refused whole, with a {@link
 * LoadFailure} saying why; a refused plugin never stops the others.
 *
 * <p>Thread-safe: the factories and failures are fixed when {@link #open} returns, and {@link
 * #close} empties them. On shutdown it unloads the plugins and closes their class loaders through
 * PF4J's {@code unloadPlugins()} only ({@code stopPlugins()} throws in PF4J 3.15).
 */
public final class PluginHost implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

  private final Pf4jRuntime runtime;
  private final List<LoadFailure> failures;
  private final List<LoadedPlugin> plugins;
  private volatile Map<Class<?>, List<LoadedFactory<?>>> factories;

  private PluginHost(
      Pf4jRuntime runtime,
      List<LoadFailure> failures,
      List<LoadedPlugin> plugins,
      Map<Class<?>, List<LoadedFactory<?>>> factories) {
    this.runtime = runtime;
    this.failures = List.copyOf(failures);
    this.plugins = List.copyOf(plugins);
    this.factories = factories;
  }

  /**
   * Loads every plugin in the folder: directories, and zips, which are unpacked beside themselves
   * (so the folder must be writable).
   *
   * @param folder the plugins folder
   * @throws IllegalArgumentException if the folder is not a directory
   */
  public static PluginHost open(Path folder) {
    PluginFolder plugins = new PluginFolder(Objects.requireNonNull(folder, "folder"));
    Pf4jRuntime runtime = new Pf4jRuntime(plugins.root());
    List<LoadFailure> failures = new ArrayList<>();
    Map<String, Path> sources = new HashMap<>();
    for (PluginFolder.Candidate candidate : plugins.candidates(failures)) {
      try {
        sources.put(runtime.load(candidate.directory()).getPluginId(), candidate.source());
      } catch (RuntimeException | LinkageError e) {
        failures.add(failure(candidate.source(), null, e));
      }
    }
    resolve(runtime, sources, failures);
    runtime.startPlugins();
    FactoryCatalogue catalogue = new FactoryCatalogue();
    List<LoadedPlugin> loaded = new ArrayList<>();
    for (PluginWrapper plugin : sorted(runtime.getResolvedPlugins())) {
      String id = plugin.getPluginId();
      if (plugin.getPluginState() == PluginState.FAILED) {
        failures.add(failure(sources.get(id), id, plugin.getFailedException()));
        runtime.unloadPlugin(id);
      } else if (plugin.getPluginState() == PluginState.STARTED) {
        try {
          catalogue.add(
              id,
              plugin.getDescriptor().getVersion(),
              FactoryDiscovery.discover(id, plugin.getPluginClassLoader()));
          loaded.add(new LoadedPlugin(id, plugin.getDescriptor().getVersion(), sources.get(id)));
        } catch (RuntimeException | LinkageError e) {
          failures.add(failure(sources.get(id), id, e));
          runtime.unloadPlugin(id);
        }
      }
    }
    failures.forEach(failure -> LOG.log(Level.WARNING, "plugin refused: {0}", failure));
    return new PluginHost(runtime, failures, loaded, catalogue.snapshot());
  }

  /** The payment channel factories of the loaded plugins, in plugin id order. */
  public List<LoadedFactory<PaymentChannelFactory>> paymentChannels() {
    return factories(PaymentChannelFactory.class);
  }

  /**
   * The factories of one extension point, in plugin id order.
   *
   * @param point the factory interface, for example {@code NotifierFactory.class}
   * @param <F> the extension point
   */
  @SuppressWarnings(
      "unchecked") // FactoryCatalogue files each factory under the point it implements
  public <F extends ExtensionFactory<?>> List<LoadedFactory<F>> factories(Class<F> point) {
    List<LoadedFactory<?>> loaded = factories.getOrDefault(point, List.of());
    return (List<LoadedFactory<F>>) (List<?>) loaded;
  }

  /** The plugins that loaded, in id order; fixed after {@link #open}. */
  public List<LoadedPlugin> plugins() {
    return plugins;
  }

  /** The plugins that were refused or failed, with the reason; fixed after {@link #open}. */
  public List<LoadFailure> failures() {
    return failures;
  }

  /** Unloads every plugin and closes its class loader; the factories are gone afterwards. */
  @Override
  public synchronized void close() {
    factories = Map.of();
    runtime.unloadPlugins();
  }

  private static void resolve(
      Pf4jRuntime runtime, Map<String, Path> sources, List<LoadFailure> failures) {
    try {
      runtime.resolve();
    } catch (RuntimeException e) {
      failures.add(new LoadFailure(runtime.getPluginsRoot(), Optional.empty(), e.toString()));
      runtime.unloadPlugins();
    }
    Set<String> resolved =
        runtime.getResolvedPlugins().stream()
            .map(PluginWrapper::getPluginId)
            .collect(Collectors.toSet());
    sources.forEach(
        (id, source) -> {
          if (!resolved.contains(id)) {
            failures.add(
                new LoadFailure(
                    source,
                    Optional.of(id),
                    "its plugin.dependencies are missing or of the wrong version"));
            runtime.unloadPlugin(id);
          }
        });
  }

  private static List<PluginWrapper> sorted(List<PluginWrapper> plugins) {
    List<PluginWrapper> copy = new ArrayList<>(plugins);
    copy.sort(Comparator.comparing(PluginWrapper::getPluginId));
    return copy;
  }

  private static LoadFailure failure(Path source, String pluginId, Throwable e) {
    if (e instanceof RefusedPluginException refused) {
      return new LoadFailure(
          source, refused.pluginId().or(() -> Optional.ofNullable(pluginId)), e.getMessage());
    }
    return new LoadFailure(source, Optional.ofNullable(pluginId), String.valueOf(e));
  }
}
