package org.kameng.host.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kameng.plugin.api.http.DestinationRefusedException;

/**
 * Decides whether a plugin may reach a URI, before anything connects. Its rules, in order:
 *
 * <ol>
 *   <li>scheme {@code http} or {@code https}; no user info ({@code user:pass@});
 *   <li>port 80, 443 or 1024–65535, minus the operator's refused ports (default: well-known
 *       database, cache and orchestration ports);
 *   <li>a host that is a valid name or address literal; numeric hosts in every encoding resolvers
 *       accept (decimal, octal, hex, short forms, IPv6 with zone) are judged by the address they
 *       denote, and numeric-looking hosts that are not valid are refused;
 *   <li>unless the operator allow-listed the host: no {@code localhost} or cloud metadata name, and
 *       no address (the literal, or every address the name resolves to) that {@link AddressRules}
 *       refuses — one refused address among public ones refuses the name.
 * </ol>
 *
 * <p>{@link #check} resolves a name once and returns the address to connect to, so the caller
 * connects where the check looked. Refusal messages name the rule and the host, never the path,
 * query or a resolved internal address.
 */
public final class DestinationPolicy {

  private static final Set<String> METADATA_NAMES =
      Set.of(
          "metadata",
          "metadata.google.internal",
          "metadata.goog",
          "instance-data",
          "instance-data.ec2.internal",
          "metadata.tencentyun.com");

  private static final Set<Integer> MAIL_PORTS = Set.of(25, 465, 587, 2525);

  private final OutboundSettings settings;
  private final HostResolver resolver;

  /** A policy with these settings, resolving names through this resolver. */
  public DestinationPolicy(OutboundSettings settings, HostResolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  /**
   * Vets a URI and picks the address to connect to.
   *
   * @throws DestinationRefusedException if a rule refuses it; the message names the rule
   * @throws UnknownHostException if the name does not resolve (worth retrying later)
   */
  public Destination check(URI uri) throws UnknownHostException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    return vet(uri, scheme, target(uri, scheme));
  }

  /**
   * Vets an SMTP server the same way as an HTTP host, with the mail ports instead of the web ones:
   * 25, 465, 587, 2525, and 1024–65535 minus the operator's refused ports.
   *
   * @param host a host name or address literal (IPv6 without brackets)
   * @param port the server's port
   * @return the destination, with scheme {@code smtp}
   * @throws DestinationRefusedException if a rule refuses it; the message names the rule
   * @throws UnknownHostException if the name does not resolve (worth retrying later)
   */
  public Destination checkMailServer(String host, int port) throws UnknownHostException {
    if (!MAIL_PORTS.contains(port)
        && !(port >= 1024 && port <= 65535 && !settings.refusedPorts().contains(port))) {
      throw refused("port", String.valueOf(port));
    }
    String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    URI uri;
    try {
      uri = new URI("smtp", authority, null, null, null);
    } catch (java.net.URISyntaxException e) {
      throw refused("malformed-host", "");
    }
    return vet(uri, "smtp", HostAndPort.of(authority, port));
  }

  // The host's rules, shared by every protocol once scheme and port are settled.
  private Destination vet(URI uri, String scheme, HostAndPort parsed) throws UnknownHostException {
    String host = OutboundSettings.normalHost(parsed.host());
    boolean allowListed = settings.isAllowListed(host);
    Optional<InetAddress> literal = AddressLiteral.parse(host);
    if (literal.isPresent()) {
      InetAddress address = literal.get();
      if (!allowListed) {
        refuseAny(List.of(address), host);
      }
      return new Destination(
          withHost(uri, address, parsed),
          scheme,
          address.getHostAddress(),
          parsed.port(),
          address,
          allowListed);
    }
    List<InetAddress> addresses = resolveNamed(host, allowListed);
    return new Destination(uri, scheme, host, parsed.port(), addresses.get(0), allowListed);
  }

  // The URL's own rules, before any address is looked at: scheme, credentials, port.
  private HostAndPort target(URI uri, String scheme) {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused("scheme", scheme);
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw refused("no-host", "");
    }
    if (authority.contains("@")) {
      throw refused("credentials-in-url", "");
    }
    HostAndPort parsed = HostAndPort.of(authority, scheme.equals("https") ? 443 : 80);
    if (!portAllowed(parsed.port())) {
      throw refused("port", String.valueOf(parsed.port()));
    }
    return parsed;
  }

  // A host name: refused by name first, then by every address it resolves to.
  private List<InetAddress> resolveNamed(String host, boolean allowListed)
      throws UnknownHostException {
    if (!host.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
      throw refused("malformed-host", "");
    }
    if (!allowListed && (METADATA_NAMES.contains(host) || isLocalhost(host))) {
      throw refused(isLocalhost(host) ? "loopback" : "metadata", host);
    }
    List<InetAddress> addresses = resolver.resolve(host);
    if (addresses.isEmpty()) {
      throw new UnknownHostException(host);
    }
    if (!allowListed) {
      refuseAny(addresses, host);
    }
    return addresses;
  }

  // Every address, not the first: the JDK or a retry may pick any of them.
  private static void refuseAny(List<InetAddress> addresses, String host) {
    for (InetAddress address : addresses) {
      AddressRules.refusal(address)
          .ifPresent(
              rule -> {
                throw refused(rule, host);
              });
    }
  }

  private boolean portAllowed(int port) {
    return port == 80
        || port == 443
        || (port >= 1024 && port <= 65535 && !settings.refusedPorts().contains(port));
  }

  private static boolean isLocalhost(String host) {
    return host.equals("localhost") || host.endsWith(".localhost");
  }

  /** The URI with its host replaced by the canonical literal of the address it denotes. */
  private static URI withHost(URI uri, InetAddress address, HostAndPort parsed) {
    String literal = address.getHostAddress();
    int zone = literal.indexOf('%');
    literal = zone < 0 ? literal : literal.substring(0, zone);
    String host = literal.contains(":") ? "[" + literal + "]" : literal;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    // From the authority: the JDK gives no port when it gives no host (0x7f.1:8080).
    String port = uri.getRawAuthority().matches(".*:[0-9]+") ? ":" + parsed.port() : "";
    // The raw parts are already encoded; this only swaps the host, the fragment is never sent.
    return URI.create(uri.getScheme() + "://" + host + port + path + query);
  }

  private static DestinationRefusedException refused(String rule, String subject) {
    return new DestinationRefusedException(
        "destination refused [" + rule + "]" + (subject.isEmpty() ? "" : ": " + subject));
  }
}
