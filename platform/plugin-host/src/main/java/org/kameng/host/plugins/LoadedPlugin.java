package org.kameng.host.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin the host loaded.
 *
 * @param pluginId its id, from {@code plugin.id}
 * @param version its version, from {@code plugin.version}
 * @param source what the operator placed in the plugins folder: the zip, or the directory
 */
public record LoadedPlugin(String pluginId, String version, Path source) {

  /** Checks that every part is present. */
  public LoadedPlugin {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(source, "source");
  }
}
