package org.kameng.plugin.api.extension;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kameng.plugin.api.LocalizedText;

/**
 * What the admin UI shows of an extension and what the host files it under. Immutable.
 *
 * @param id the stable id {@code <kind>-<vendor>}, for example {@code payment-epay}: lower-case
 *     letters, digits and single hyphens, at most 64 characters. Tenants' configurations and old
 *     orders refer to it, so it never changes once published; it is unique per extension point
 * @param name the display name in both languages
 * @param icon the path of an SVG or PNG resource inside the plugin archive, for example {@code
 *     /icons/epay.svg}, which the host serves to the admin UI; empty for the default icon
 * @param capabilities the optional features this extension offers
 */
public record PluginDescriptor(
    String id, LocalizedText name, Optional<String> icon, Set<Capability> capabilities) {

  private static final Pattern ID =
      Pattern.compile("(payment|supplier|marketing|notifier)-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern ICON = Pattern.compile("/[A-Za-z0-9_./-]+\\.(svg|png)");

  /** Validates the id and icon path and copies the capabilities. */
  public PluginDescriptor {
    Objects.requireNonNull(id, "id");
    if (id.length() > 64 || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "plugin id must be <kind>-<vendor> with kind one of payment, supplier, marketing,"
              + " notifier, then lower-case letters, digits and single hyphens, at most 64"
              + " characters: "
              + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(icon, "icon");
    icon.ifPresent(
        path -> {
          if (!ICON.matcher(path).matches() || path.contains("..")) {
            throw new IllegalArgumentException(
                "icon must be an absolute resource path ending in .svg or .png: " + path);
          }
        });
    Objects.requireNonNull(capabilities, "capabilities");
    capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
  }

  /** A descriptor without icon or capabilities. */
  public static PluginDescriptor of(String id, LocalizedText name) {
    return new PluginDescriptor(id, name, Optional.empty(), Set.of());
  }

  /** This descriptor with an icon resource. */
  public PluginDescriptor withIcon(String resourcePath) {
    return new PluginDescriptor(id, name, Optional.of(resourcePath), capabilities);
  }

  /** This descriptor with these capabilities (replacing any before). */
  public PluginDescriptor withCapabilities(Capability... offered) {
    return new PluginDescriptor(id, name, icon, Set.of(offered));
  }

  /** The kind named by the id's prefix. */
  public PluginKind kind() {
    return PluginKind.ofPrefix(id.substring(0, id.indexOf('-')));
  }

  /** Whether this extension declares the capability. */
  public boolean offers(Capability capability) {
    return capabilities.contains(capability);
  }
}
