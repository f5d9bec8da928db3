package org.kameng.host.plugins;

import java.util.Optional;
import org.pf4j.PluginRuntimeException;

/**
 * The host refuses a plugin. Extends PF4J's exception so that PF4J passes it through unchanged, and
 * uses PF4J's unformatted constructor: its formatting one would choke on a {@code %} in the
 * message.
 */
final class RefusedPluginException extends PluginRuntimeException {

  private final String pluginId;

  RefusedPluginException(String pluginId, String message) {
    super(message);
    this.pluginId = pluginId;
  }

  RefusedPluginException(String pluginId, String message, Throwable cause) {
    this(pluginId, message);
    initCause(cause);
  }

  Optional<String> pluginId() {
    return Optional.ofNullable(pluginId);
  }
}
