package org.kameng.host.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.extension.PluginKind;
import org.kameng.plugin.api.marketing.OrderEventListenerFactory;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;

/**
 * Finds the extension factories a plugin lists in {@code META-INF/services/<factory interface>},
 * through {@link ServiceLoader} over the plugin's class loader.
 *
 * <p>PF4J's own extension index needs its annotation processor and {@code ExtensionPoint}, which
 * the plugin API deliberately does not depend on. The plugin's class loader also sees the host's
 * service files (its parent), so only providers whose class that loader defined itself count; they
 * are checked by type before any is instantiated. Any problem refuses the whole plugin.
 */
final class FactoryDiscovery {

  /** The extension points and the kind each factory id must name. */
  static final Map<Class<? extends ExtensionFactory<?>>, PluginKind> POINTS = points();

  /**
   * A factory found in a plugin.
   *
   * @param point the extension point it implements
   * @param factory the instance, created here
   */
  record Found(Class<? extends ExtensionFactory<?>> point, ExtensionFactory<?> factory) {}

  private FactoryDiscovery() {}

  /**
   * Instantiates and checks every factory the plugin lists.
   *
   * @throws RefusedPluginException if a listed class is missing, its constructor throws, or its id
   *     is invalid, of another kind or outside the plugin's namespace
   */
  static List<Found> discover(String pluginId, ClassLoader plugin) {
    List<Found> found = new ArrayList<>();
    POINTS.forEach((point, kind) -> found.addAll(discover(pluginId, plugin, point, kind)));
    return found;
  }

  private static List<Found> discover(
      String pluginId,
      ClassLoader plugin,
      Class<? extends ExtensionFactory<?>> point,
      PluginKind kind) {
    List<Found> found = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<? extends ExtensionFactory<?>> provider :
          ServiceLoader.load(point, plugin).stream().toList()) {
        if (provider.type().getClassLoader() == plugin) {
          ExtensionFactory<?> factory = provider.get();
          checkId(pluginId, point, kind, factory);
          found.add(new Found(point, factory));
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new RefusedPluginException(
          pluginId, "cannot create its " + point.getSimpleName() + ": " + describe(e), e);
    }
    return found;
  }

  private static void checkId(
      String pluginId, Class<?> point, PluginKind kind, ExtensionFactory<?> factory) {
    String name = point.getSimpleName() + " " + factory.getClass().getName();
    String id;
    PluginKind named;
    try {
      id = factory.id();
      String declared = factory.descriptor().id();
      if (!id.equals(declared)) {
        throw new RefusedPluginException(
            pluginId,
            name + " answers id() '" + id + "' but its descriptor says '" + declared + "'");
      }
      named = factory.descriptor().kind();
    } catch (RuntimeException e) {
      if (e instanceof RefusedPluginException refused) {
        throw refused;
      }
      throw new RefusedPluginException(pluginId, name + " has no valid id: " + e, e);
    }
    if (named != kind) {
      throw new RefusedPluginException(
          pluginId, name + " has id '" + id + "', which is not of kind " + kind.prefix());
    }
    if (!id.equals(pluginId) && !id.startsWith(pluginId + "-")) {
      throw new RefusedPluginException(
          pluginId,
          name
              + " has id '"
              + id
              + "', outside the plugin's namespace ('"
              + pluginId
              + "' or '"
              + pluginId
              + "-…')");
    }
  }

  /** The error and its root cause: ServiceLoader wraps the exception a constructor threw. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + ": " + root;
  }

  private static Map<Class<? extends ExtensionFactory<?>>, PluginKind> points() {
    Map<Class<? extends ExtensionFactory<?>>, PluginKind> points = new LinkedHashMap<>();
    points.put(PaymentChannelFactory.class, PluginKind.PAYMENT);
    points.put(SupplierConnectorFactory.class, PluginKind.SUPPLIER);
    points.put(PriceRuleFactory.class, PluginKind.MARKETING);
    points.put(OrderEventListenerFactory.class, PluginKind.MARKETING);
    points.put(NotifierFactory.class, PluginKind.NOTIFIER);
    return Map.copyOf(points);
  }
}
