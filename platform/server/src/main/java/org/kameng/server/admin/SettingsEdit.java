package org.kameng.server.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A staff edit of a plugin configuration with write-only secrets (payment channel, marketing or
 * notifier plugin, supplier), applied to what is stored. The admin API never returns secrets, so an
 * edit leaves a secret field blank to keep it and names it in {@code clearSecrets} to remove it; a
 * blank plain field removes that field. A new configuration is an edit of nothing ({@link
 * #create}).
 *
 * @param merged the whole configuration as it will be, secrets included: what the plugin validates
 * @param settings the plain (non-secret) fields of {@code merged}, stored as they are
 * @param newSecrets the secrets the edit sets, to be sealed
 * @param cleared the secrets the edit removes
 */
record SettingsEdit(
    Map<String, String> merged,
    Map<String, String> settings,
    Map<String, String> newSecrets,
    Set<String> cleared) {

  /**
   * A new configuration, an edit of nothing stored: blank values are left out; {@code newSecrets}
   * holds the secrets to seal.
   */
  static SettingsEdit create(Set<String> secretNames, Map<String, String> values) {
    return apply(Map.of(), secretNames, values, List.of());
  }

  static SettingsEdit apply(
      Map<String, String> stored,
      Set<String> secretNames,
      Map<String, String> values,
      Collection<String> clearSecrets) {
    Map<String, String> merged = new TreeMap<>(stored);
    Set<String> cleared = new TreeSet<>();
    (clearSecrets == null ? List.<String>of() : clearSecrets)
        .stream().filter(n -> n != null).forEach(cleared::add);
    merged.keySet().removeAll(cleared);
    Map<String, String> newSecrets = new HashMap<>();
    if (values != null) {
      values.forEach(
          (name, value) -> {
            boolean blank = value == null || value.isBlank();
            if (secretNames.contains(name)) {
              if (!blank) {
                merged.put(name, value);
                newSecrets.put(name, value);
              }
            } else if (blank) {
              merged.remove(name);
            } else {
              merged.put(name, value);
            }
          });
    }
    Map<String, String> settings = new TreeMap<>(merged);
    settings.keySet().removeAll(secretNames);
    return new SettingsEdit(merged, settings, newSecrets, cleared);
  }
}
