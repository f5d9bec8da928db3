package org.kameng.host.plugins;

import java.nio.file.Path;
import org.kameng.plugin.api.ApiVersion;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured the way the host needs it: directories only (zips are unpacked by {@link
 * PluginFolder}), the API loaded from the host ({@link ApiFirstClassLoader}), the API version
 * checked before a class loader exists, and a dependency problem in one plugin never failing the
 * others. Never handed to a plugin.
 */
final class Pf4jRuntime extends DefaultPluginManager {

  Pf4jRuntime(Path folder) {
    super(folder);
    // PF4J's own requires check then agrees with ApiRequirement, which runs first.
    setSystemVersion(ApiVersion.CURRENT.toString());
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  /** Loads one unpacked plugin; throws on anything that stops it from loading. */
  PluginWrapper load(Path directory) {
    PluginWrapper plugin = loadPluginFromPath(directory);
    if (plugin == null) {
      throw new RefusedPluginException(null, "PF4J could not read the plugin (see the log)");
    }
    return plugin;
  }

  /** Resolves dependencies between the loaded plugins, unloading those that cannot be resolved. */
  void resolve() {
    resolvePlugins();
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Development mode would load plugins from build folders; a system property must not switch
    // the platform into it.
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected void validatePluginDescriptor(PluginDescriptor descriptor) {
    super.validatePluginDescriptor(descriptor);
    new ApiRequirement(ApiVersion.CURRENT, getVersionManager()).check(descriptor);
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new StrictPluginFactory();
  }

  @Override
  protected PluginLoader createPluginLoader() {
    // The loader that sees both the plugin API and PF4J: the host module's own.
    ClassLoader host = Pf4jRuntime.class.getClassLoader();
    return new CompoundPluginLoader()
        .add(
            new DefaultPluginLoader(this) {
              @Override
              protected PluginClassLoader createPluginClassLoader(
                  Path pluginPath, PluginDescriptor descriptor) {
                return new ApiFirstClassLoader(pluginManager, descriptor, host);
              }
            });
  }
}
