/**
 * The guarded outbound HTTP client, {@link org.kameng.host.http.GuardedOutboundHttp}: the host's
 * implementation of the plugin API's {@link org.kameng.plugin.api.http.OutboundHttp}.
 *
 * <p>{@link org.kameng.host.http.DestinationPolicy} decides (scheme, credentials, port, host
 * syntax, metadata names, and every resolved address against {@code AddressRules}); {@code
 * PinnedTransport} connects to the checked address; the client follows only same-origin or
 * allow-listed redirects and bounds time and size.
 *
 * <p><b>Residual risks</b>, accepted for now:
 *
 * <ul>
 *   <li>https to a name is not pinned: the JDK resolves the name again for TLS. The JVM's positive
 *       DNS cache (30 s unless {@code networkaddress.cache.ttl} is changed; never set it to 0 on
 *       the platform) normally returns what the policy checked, and a rebound address would have to
 *       present a certificate valid for the name. The TLS ClientHello itself still reaches it.
 *   <li>An operator's egress proxy (system properties) is not used: plugins' traffic goes direct.
 *   <li>The policy trusts the operator's allow-list entirely: an allow-listed name may resolve
 *       anywhere, including the metadata address.
 *   <li>Public addresses that forward internally (a tenant's own reverse proxy) are beyond any
 *       address check; network egress rules on the platform hosts remain the outer wall.
 * </ul>
 */
package org.kameng.host.http;
