package org.kameng.host.plugins;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin the host refused or could not load, for the platform admin to see. The other plugins in
 * the folder are unaffected.
 *
 * @param source the archive or directory in the plugins folder
 * @param pluginId the plugin's id, when its descriptor could be read
 * @param reason what went wrong, in words an operator can act on
 */
public record LoadFailure(Path source, Optional<String> pluginId, String reason) {

  /** Checks that every part is present. */
  public LoadFailure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return pluginId.map(id -> "plugin " + id + " (" + source + ")").orElse(source.toString())
        + ": "
        + reason;
  }
}
