package org.kameng.host.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * The platform's {@link OutboundHttp}: every request is vetted by a {@link DestinationPolicy}, sent
 * to the address the policy checked ({@link PinnedTransport}), limited in time and size, and logged
 * (caller, method, host, status, duration; never path, headers or body).
 *
 * <p><b>Redirects.</b> The JDK never follows one. This class follows up to {@link
 * OutboundSettings#maxRedirects()} redirects (5 by default, as the plugin API documents) when the
 * target has the same scheme, host and port as the current request, or an allow-listed host; each
 * target is vetted again, so a same-origin redirect whose name now resolves internally is refused.
 * Any other redirect, and the one past the limit, is returned to the plugin as the 3xx response,
 * never connected to. 303, and 301/302 after a {@code POST}, continue as {@code GET} without body;
 * credentials ({@code Authorization}, {@code Cookie}) are dropped when the host changes.
 *
 * <p><b>Limits.</b> {@link OutboundRequest#timeout()} bounds the whole exchange, redirects and body
 * included; connecting is bounded by {@link OutboundSettings#connectTimeout()}; bodies beyond
 * {@link OutboundSettings#maxBodyBytes()} fail with {@link ResponseTooLargeException}. Thread-safe;
 * one instance per caller shares the connection pools of the instance it came from.
 */
public final class GuardedOutboundHttp implements OutboundHttp {

  private static final System.Logger LOG = System.getLogger(GuardedOutboundHttp.class.getName());
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final DestinationPolicy policy;
  private final OutboundSettings settings;
  private final PinnedTransport transport;
  private final String caller;

  private GuardedOutboundHttp(
      DestinationPolicy policy,
      OutboundSettings settings,
      PinnedTransport transport,
      String caller) {
    this.policy = policy;
    this.settings = settings;
    this.transport = transport;
    this.caller = caller;
  }

  /** A client with these settings, resolving names through this resolver. */
  public static GuardedOutboundHttp create(OutboundSettings settings, HostResolver resolver) {
    return new GuardedOutboundHttp(
        new DestinationPolicy(settings, resolver), settings, new PinnedTransport(settings), "host");
  }

  /**
   * The same client, logging its requests against a caller.
   *
   * @param caller for example {@code tenant/plugin-id}; no secrets
   */
  public GuardedOutboundHttp forCaller(String caller) {
    return new GuardedOutboundHttp(policy, settings, transport, caller);
  }

  /** The policy this client applies, to vet a URL a tenant configures before it is saved. */
  public DestinationPolicy policy() {
    return policy;
  }

  @Override
  public OutboundResponse send(OutboundRequest request) throws IOException {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    URI uri = request.uri();
    String method = request.method();
    Headers headers = request.headers();
    Body body = request.body();
    Destination previous = null;
    for (int redirects = 0; ; redirects++) {
      Destination to = vet(uri, method);
      if (previous != null && !previous.host().equals(to.host())) {
        headers = withoutCredentials(headers);
      }
      long started = System.nanoTime();
      OutboundResponse response = transport.exchange(to, method, headers, body, timeLeft(deadline));
      LOG.log(
          Level.INFO,
          "{0} {1} {2} -> {3} in {4} ms",
          caller,
          method,
          to.host(),
          response.status(),
          (System.nanoTime() - started) / 1_000_000);
      Optional<URI> next = redirectTarget(response, uri, to, redirects);
      if (next.isEmpty()) {
        return response;
      }
      if (response.status() == 303 || (response.status() <= 302 && method.equals("POST"))) {
        method = method.equals("HEAD") ? "HEAD" : "GET";
        body = Body.empty();
      }
      previous = to;
      uri = next.get();
    }
  }

  private Destination vet(URI uri, String method) throws IOException {
    try {
      return policy.check(uri);
    } catch (DestinationRefusedException e) {
      LOG.log(Level.WARNING, "{0} {1} {2}", caller, method, e.getMessage());
      throw e;
    }
  }

  /** Where to go next, if this response is a redirect this client follows. */
  private Optional<URI> redirectTarget(
      OutboundResponse response, URI current, Destination from, int followed) {
    Optional<String> location = response.headers().first("location");
    if (!REDIRECTS.contains(response.status())
        || followed >= settings.maxRedirects()
        || location.isEmpty()) {
      return Optional.empty();
    }
    URI target;
    try {
      target = current.resolve(URI.create(location.get().strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the plugin may still read the raw Location
    }
    if (target.getRawUserInfo() != null) {
      return Optional.empty();
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase();
    boolean sameOrigin =
        scheme.equals(from.scheme())
            && target.getRawAuthority() != null
            && sameHostAndPort(target, from);
    boolean allowListed =
        target.getHost() != null
            && settings.isAllowListed(OutboundSettings.normalHost(target.getHost()));
    return sameOrigin || allowListed ? Optional.of(target) : Optional.empty();
  }

  private static boolean sameHostAndPort(URI target, Destination from) {
    try {
      HostAndPort hp =
          HostAndPort.of(target.getRawAuthority(), from.scheme().equals("https") ? 443 : 80);
      String host = OutboundSettings.normalHost(hp.host());
      String canonical = AddressLiteral.parse(host).map(a -> a.getHostAddress()).orElse(host);
      return canonical.equals(from.host()) && hp.port() == from.port();
    } catch (DestinationRefusedException e) {
      return false;
    }
  }

  private static Headers withoutCredentials(Headers headers) {
    Map<String, List<String>> kept = new LinkedHashMap<>(headers.values());
    kept.keySet().removeAll(Set.of("authorization", "cookie"));
    return new Headers(kept);
  }

  private static Duration timeLeft(long deadline) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new java.net.http.HttpTimeoutException("request timed out");
    }
    return Duration.ofNanos(left);
  }
}
