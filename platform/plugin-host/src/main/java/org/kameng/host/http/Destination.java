package org.kameng.host.http;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * A destination the policy vetted: where to connect and what to call it on the wire. Immutable.
 *
 * @param uri the request URI to send; a numeric host is rewritten to its canonical literal so the
 *     JDK cannot read it differently ({@code 0177.0.0.1})
 * @param scheme {@code http} or {@code https}
 * @param host the host as the policy normalised it (lower case, no trailing dot, IPv6 without
 *     brackets or zone)
 * @param port the effective port
 * @param address the vetted address to connect to
 * @param allowListed whether the operator allow-listed the host, so the address rules were skipped
 */
public record Destination(
    URI uri, String scheme, String host, int port, InetAddress address, boolean allowListed) {

  /** Refuses missing parts. */
  public Destination {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(address, "address");
  }

  /** Whether another destination has the same scheme, host and port. */
  public boolean sameOrigin(Destination other) {
    return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
  }
}
