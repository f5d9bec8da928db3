package org.kameng.plugin.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one shop (tenant). Every call into a plugin names the tenant it acts for, and
 * everything a plugin stores is scoped to it by the host.
 *
 * @param value the tenant's immutable UUID; a shop's slug or domain may change, this never does
 */
public record TenantId(UUID value) {

  /** Refuses a missing value. */
  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  /** Parses the canonical UUID text form. */
  public static TenantId parse(String text) {
    return new TenantId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
