package org.kameng.server.plugins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Shop configurations' plugin instances on this server instance, by key, each kept while the
 * configuration's revision and the plugins' generation ({@link InstalledPlugins#generation()}) are
 * the ones it was built under; either moving builds it again. An instance built under an older
 * generation came from a closed class loader.
 *
 * @param <T> what the plugin builds
 */
final class BuiltInstances<T> {

  /** An instance and the generation and revision it was built under. */
  record Built<T>(long generation, long revision, T instance) {}

  private final Map<String, Built<T>> built = new ConcurrentHashMap<>();

  /**
   * The instance kept under {@code key} if it was built under this generation and revision, else
   * the one {@code build} makes now (kept with the revision it was built from).
   */
  T get(String key, long generation, long revision, Supplier<Built<T>> build) {
    Built<T> current = built.get(key);
    if (current == null || current.revision() != revision || current.generation() != generation) {
      current = build.get();
      built.put(key, current);
    }
    return current.instance();
  }
}
