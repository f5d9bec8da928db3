package org.kameng.host.plugins;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The factories of the loaded plugins by extension point, with ids unique per point. Tenants'
 * configurations and old orders refer to a factory by id, so two plugins may never share one. Not
 * thread-safe: filled while the host loads, then copied.
 */
final class FactoryCatalogue {

  private final Map<Class<?>, List<LoadedFactory<?>>> byPoint = new HashMap<>();

  /**
   * Adds all factories of one plugin, or none of them.
   *
   * @throws RefusedPluginException if an id is already taken, by another plugin or this one
   */
  void add(String pluginId, String pluginVersion, List<FactoryDiscovery.Found> found) {
    Map<Class<?>, List<String>> taken = new HashMap<>();
    for (FactoryDiscovery.Found each : found) {
      String id = each.factory().id();
      List<String> ids = taken.computeIfAbsent(each.point(), point -> idsOf(point));
      if (ids.contains(id)) {
        throw new RefusedPluginException(
            pluginId,
            each.point().getSimpleName()
                + " id '"
                + id
                + "' is already taken"
                + owner(each.point(), id).map(other -> " by plugin " + other).orElse(""));
      }
      ids.add(id);
    }
    for (FactoryDiscovery.Found each : found) {
      byPoint
          .computeIfAbsent(each.point(), point -> new ArrayList<>())
          .add(new LoadedFactory<>(pluginId, pluginVersion, each.factory()));
    }
  }

  /** An unmodifiable copy, each point's factories in load order. */
  Map<Class<?>, List<LoadedFactory<?>>> snapshot() {
    Map<Class<?>, List<LoadedFactory<?>>> copy = new HashMap<>();
    byPoint.forEach((point, factories) -> copy.put(point, List.copyOf(factories)));
    return Map.copyOf(copy);
  }

  private List<String> idsOf(Class<?> point) {
    List<String> ids = new ArrayList<>();
    byPoint.getOrDefault(point, List.of()).forEach(loaded -> ids.add(loaded.factory().id()));
    return ids;
  }

  private Optional<String> owner(Class<?> point, String id) {
    return byPoint.getOrDefault(point, List.of()).stream()
        .filter(loaded -> loaded.factory().id().equals(id))
        .map(LoadedFactory::pluginId)
        .findFirst();
  }
}
