package org.kameng.host.plugins;

import org.kameng.plugin.api.ApiVersion;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Checks a plugin's {@code plugin.requires} against the API version of this host, before PF4J
 * creates a class loader for it.
 *
 * <p>A plain version ({@code 0.1.0}) is the API the plugin was built against and is judged by
 * {@link ApiVersion#canRun}, which knows that before 1.0 every minor version may break. Anything
 * else is a SemVer range ({@code >=0.1.0 & <0.2.0}) evaluated by PF4J's version manager. A missing
 * or {@code *} requirement is refused: such a plugin would load on any future API and fail later
 * with a linkage error in the middle of a payment.
 */
final class ApiRequirement {

  private final ApiVersion provided;
  private final VersionManager versions;

  ApiRequirement(ApiVersion provided, VersionManager versions) {
    this.provided = provided;
    this.versions = versions;
  }

  /**
   * Passes quietly if the plugin can run on the provided API.
   *
   * @throws RefusedPluginException naming the required and the provided versions otherwise
   */
  void check(PluginDescriptor plugin) {
    String id = plugin.getPluginId();
    String requires = plugin.getRequires() == null ? "" : plugin.getRequires().strip();
    if (requires.isEmpty() || requires.equals("*")) {
      throw new RefusedPluginException(
          id,
          label(plugin)
              + " declares no plugin.requires; it must name the plugin API it was built for"
              + " (this host provides plugin API "
              + provided
              + ")");
    }
    if (!satisfied(id, requires)) {
      throw new RefusedPluginException(
          id,
          label(plugin)
              + " requires plugin API "
              + requires
              + ", but this host provides plugin API "
              + provided);
    }
  }

  private boolean satisfied(String id, String requires) {
    try {
      if (Character.isDigit(requires.charAt(0))) {
        return provided.canRun(ApiVersion.parse(requires));
      }
      return versions.checkVersionConstraint(provided.toString(), requires);
    } catch (RuntimeException unreadable) {
      throw new RefusedPluginException(
          id,
          "plugin "
              + id
              + " has an unreadable plugin.requires '"
              + requires
              + "' (this host provides plugin API "
              + provided
              + "): "
              + unreadable.getMessage(),
          unreadable);
    }
  }

  private static String label(PluginDescriptor plugin) {
    return "plugin " + plugin.getPluginId() + " " + plugin.getVersion();
  }
}
