package org.kameng.host.plugins;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's optional {@code plugin.class}, throwing a clear reason where PF4J's default
 * factory logs and returns {@code null} (which then surfaces as a bare {@code NullPointerException}
 * when the plugin starts).
 */
final class StrictPluginFactory extends DefaultPluginFactory {

  @Override
  public Plugin create(PluginWrapper plugin) {
    String id = plugin.getPluginId();
    String name = plugin.getDescriptor().getPluginClass();
    Class<?> type;
    try {
      type = plugin.getPluginClassLoader().loadClass(name);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new RefusedPluginException(
          id, "plugin.class " + name + " cannot be loaded from the plugin: " + e, e);
    }
    if (!Plugin.class.isAssignableFrom(type)
        || Modifier.isAbstract(type.getModifiers())
        || type.isInterface()) {
      throw new RefusedPluginException(
          id, "plugin.class " + name + " is not a concrete subclass of " + Plugin.class.getName());
    }
    try {
      // Only the no-argument constructor: the one taking a PluginWrapper would hand the plugin
      // the plugin manager, which plugins never receive (ADR 0006).
      return (Plugin) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new RefusedPluginException(
          id, "plugin.class " + name + " needs a public constructor without parameters", e);
    } catch (InvocationTargetException e) {
      throw new RefusedPluginException(
          id, "plugin.class " + name + " failed in its constructor: " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new RefusedPluginException(id, "plugin.class " + name + " cannot be created: " + e, e);
    }
  }
}
