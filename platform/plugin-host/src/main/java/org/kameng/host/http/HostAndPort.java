package org.kameng.host.http;

import org.kameng.plugin.api.http.DestinationRefusedException;

/**
 * The host and port of a URI's raw authority. Read from the authority rather than from {@link
 * java.net.URI#getHost()} because the JDK gives no host for forms such as {@code 0x7f.1} or {@code
 * 127.1} that resolvers nonetheless accept; the policy judges them by what they denote.
 *
 * @param host the host as written, IPv6 in brackets
 * @param port the explicit port, or the scheme's default
 */
record HostAndPort(String host, int port) {

  /**
   * Splits an authority without user info.
   *
   * @throws DestinationRefusedException if the authority cannot be split unambiguously
   */
  static HostAndPort of(String authority, int defaultPort) {
    String host;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0 || (close + 1 < authority.length() && authority.charAt(close + 1) != ':')) {
        throw malformed();
      }
      host = authority.substring(0, close + 1);
      port = close + 1 < authority.length() ? authority.substring(close + 2) : "";
    } else {
      int colon = authority.indexOf(':');
      if (colon != authority.lastIndexOf(':')) {
        throw malformed(); // an IPv6 literal without brackets
      }
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
    }
    if (host.isEmpty() || host.equals("[]")) {
      throw malformed();
    }
    if (port.isEmpty()) {
      return new HostAndPort(host, defaultPort);
    }
    if (!port.matches("[0-9]{1,5}")) {
      throw new DestinationRefusedException("destination refused [port]");
    }
    return new HostAndPort(host, Integer.parseInt(port));
  }

  private static DestinationRefusedException malformed() {
    return new DestinationRefusedException("destination refused [malformed-host]");
  }
}
