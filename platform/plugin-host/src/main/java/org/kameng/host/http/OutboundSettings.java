package org.kameng.host.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operator sets for plugins' outbound HTTP. Immutable.
 *
 * @param allowedHosts host names (exact, case-insensitive, no wildcards) that skip the address
 *     rules, for an upstream in the operator's own network; scheme, port and credential rules still
 *     apply
 * @param connectTimeout how long establishing a connection may take
 * @param maxBodyBytes the largest response body read; a larger one fails the request
 * @param maxRedirects how many same-origin redirects the client follows for a plugin; 0 hands every
 *     3xx to the plugin
 * @param refusedPorts ports of 1024 and above that are refused anyway, because well-known non-HTTP
 *     services listen there (ports below 1024 other than 80 and 443 are always refused)
 */
public record OutboundSettings(
    Set<String> allowedHosts,
    Duration connectTimeout,
    int maxBodyBytes,
    int maxRedirects,
    Set<Integer> refusedPorts) {

  /** 1 MiB, the limit the plugin API documents. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  /** Docker, etcd, MySQL, PostgreSQL, Redis, Elasticsearch, kubelet, memcached, MongoDB. */
  public static final Set<Integer> DEFAULT_REFUSED_PORTS =
      Set.of(2375, 2376, 2379, 2380, 3306, 5432, 6379, 9200, 10250, 11211, 27017);

  /** Normalises the host names and checks the limits. */
  public OutboundSettings {
    allowedHosts =
        Objects.requireNonNull(allowedHosts, "allowedHosts").stream()
            .map(OutboundSettings::normalHost)
            .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative");
    }
    if (maxRedirects < 0 || maxRedirects > 10) {
      throw new IllegalArgumentException("maxRedirects must be between 0 and 10");
    }
    refusedPorts = Set.copyOf(Objects.requireNonNull(refusedPorts, "refusedPorts"));
  }

  /** No allow-listed host, 5 s to connect, 1 MiB bodies, 5 same-origin redirects. */
  public static OutboundSettings defaults() {
    return new OutboundSettings(
        Set.of(), Duration.ofSeconds(5), DEFAULT_MAX_BODY_BYTES, 5, DEFAULT_REFUSED_PORTS);
  }

  /** These settings with another allow-list. */
  public OutboundSettings withAllowedHosts(Set<String> hosts) {
    return new OutboundSettings(hosts, connectTimeout, maxBodyBytes, maxRedirects, refusedPorts);
  }

  /** These settings with another body limit. */
  public OutboundSettings withMaxBodyBytes(int bytes) {
    return new OutboundSettings(allowedHosts, connectTimeout, bytes, maxRedirects, refusedPorts);
  }

  /** These settings with another redirect limit. */
  public OutboundSettings withMaxRedirects(int redirects) {
    return new OutboundSettings(
        allowedHosts, connectTimeout, maxBodyBytes, redirects, refusedPorts);
  }

  /** Whether a host name (as {@link #normalHost} made it) is on the allow-list. */
  boolean isAllowListed(String normalHost) {
    return allowedHosts.contains(normalHost);
  }

  /**
   * Lower case without one trailing dot: {@code Upstream.Corp.} and {@code upstream.corp} match.
   */
  static String normalHost(String host) {
    String lower = Objects.requireNonNull(host, "host").strip().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
