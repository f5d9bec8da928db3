package org.kameng.plugin.api.http;

import java.io.IOException;

/**
 * The only way out of a plugin: an HTTP client the host implements and hands over in the {@code
 * HostContext}. Plugins must not open sockets or use another HTTP client; the host's applies the
 * protections below to every request, which a plugin could not get right on its own.
 *
 * <p><b>Refused destinations.</b> Before connecting, the host resolves the host name and refuses
 * the request with a {@link DestinationRefusedException} if any resolved address, or an address
 * literal in any encoding (decimal, octal, hexadecimal, short forms, IPv4-mapped and -compatible
 * IPv6), is loopback, unspecified, private (RFC 1918, unique-local {@code fc00::/7}, carrier-grade
 * NAT), link-local ({@code 169.254.0.0/16}, {@code fe80::/10}), a cloud metadata address ({@code
 * 169.254.169.254}, {@code fd00:ec2::254}, {@code metadata.google.internal}), multicast or
 * broadcast. It connects to the address it checked, so a name cannot resolve differently in
 * between. The operator may allow-list host names (a supplier in the same private network, for
 * example); an allow-listed name skips these checks, nothing else does.
 *
 * <p><b>Redirects.</b> The host follows up to five redirects to the same scheme, host and port,
 * re-checking each. A redirect anywhere else is not followed unless its host is allow-listed: the
 * plugin receives the 3xx response itself and may read its {@code Location} (an EPay cashier URL,
 * say) without the host ever connecting there.
 *
 * <p><b>Limits.</b> Every request has a timeout ({@link OutboundRequest#timeout()}); responses
 * larger than the host's limit (1 MiB by default) fail with an {@link IOException}. The host logs
 * method, host, status and duration of each request against the tenant and plugin, never headers or
 * bodies.
 *
 * <p><b>Threads.</b> Thread-safe; {@link #send} blocks the calling thread, which is the thread the
 * host called the plugin on. It may be interrupted when the plugin's call exceeds its time limit.
 */
public interface OutboundHttp {

  /**
   * Sends a request and reads the whole response. Any HTTP status is a response, not an exception;
   * the plugin decides what a 4xx or 5xx means in its protocol.
   *
   * @param request what to send
   * @return the response
   * @throws IOException the destination could not be reached, timed out, broke the connection or
   *     answered more than the size limit; usually worth retrying later
   * @throws DestinationRefusedException the destination is not allowed (see above); retrying will
   *     not help
   */
  OutboundResponse send(OutboundRequest request) throws IOException;
}
