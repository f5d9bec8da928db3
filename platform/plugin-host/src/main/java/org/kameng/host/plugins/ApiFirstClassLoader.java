package org.kameng.host.plugins;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: the plugin API and PF4J come from the host, everything else from the
 * plugin first (ADR 0006, runtime notes pitfall 4).
 *
 * <p>Plugin-first is right for the libraries a plugin carries (its own JSON or crypto library must
 * not clash with the host's), but wrong for the API: a plugin that bundles its own copy would
 * implement <em>its</em> {@code PaymentChannelFactory}, a different class from the host's, and the
 * host would find nothing. PF4J already delegates {@code org.pf4j.*}; this adds the API package.
 */
final class ApiFirstClassLoader extends PluginClassLoader {

  private static final String API_PACKAGE = "org.kameng.plugin.api.";

  ApiFirstClassLoader(PluginManager plugins, PluginDescriptor descriptor, ClassLoader host) {
    super(plugins, descriptor, host, ClassLoadingStrategy.PDA);
  }

  @Override
  protected boolean shouldDelegateToParent(String className) {
    return className.startsWith(API_PACKAGE) || super.shouldDelegateToParent(className);
  }
}
