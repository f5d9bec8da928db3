package org.kameng.host.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.Headers;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * Sends one exchange to a vetted {@link Destination} over {@link HttpClient}, connecting to the
 * address the policy checked wherever the JDK allows it.
 *
 * <p>The JDK client has no hook to choose the address it connects to, and refuses a custom {@code
 * Host} header ("restricted header name") unless a JVM-wide system property is set. So:
 *
 * <ul>
 *   <li><b>http to a name</b>: the vetted address is given to the JDK as the request's HTTP proxy.
 *       The JDK connects to that address without resolving anything and sends the request in
 *       absolute form ({@code GET http://name/path}), with {@code Host: name}; origin servers must
 *       accept that form (RFC 9112, 3.2.2). Nothing is resolved between check and connect.
 *   <li><b>numeric hosts</b>: the URI already carries the canonical literal of the vetted address.
 *   <li><b>https to a name</b>: the JDK resolves the name again, because TLS must verify the
 *       certificate against the name. That lookup normally hits the JVM's positive cache filled by
 *       the check ({@code networkaddress.cache.ttl}, 30 s by default), and a rebound answer could
 *       only complete the handshake with a certificate valid for the name. See the module's
 *       residual risks.
 * </ul>
 *
 * <p>Redirects are never followed here, and no proxy from system properties is used.
 */
final class PinnedTransport {

  /** Set by the JDK or by the client itself; a plugin's value would lie or break framing. */
  private static final Set<String> DROPPED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "connection",
          "expect",
          "upgrade",
          "user-agent",
          "te",
          "transfer-encoding",
          "keep-alive",
          "proxy-authorization",
          "proxy-connection",
          "trailer");

  private static final String USER_AGENT = "Kameng-Outbound/1";
  private static final int PINNED_CLIENTS = 32;

  private final Duration connectTimeout;
  private final int maxBodyBytes;
  private final HttpClient tlsClient;
  private final Map<InetSocketAddress, HttpClient> pinnedClients =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, HttpClient> eldest) {
          return size() > PINNED_CLIENTS;
        }
      };

  PinnedTransport(OutboundSettings settings) {
    this.connectTimeout = settings.connectTimeout();
    this.maxBodyBytes = settings.maxBodyBytes();
    this.tlsClient = builder().proxy(HttpClient.Builder.NO_PROXY).build();
  }

  /** One exchange within the time left; redirects come back as responses. */
  OutboundResponse exchange(
      Destination to, String method, Headers headers, Body body, Duration timeLeft)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(to.uri()).timeout(timeLeft);
    headers
        .values()
        .forEach(
            (name, values) -> {
              if (!DROPPED_HEADERS.contains(name)) {
                values.forEach(value -> request.header(name, value));
              }
            });
    request.setHeader("User-Agent", USER_AGENT);
    request.method(
        method,
        body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    CompletableFuture<HttpResponse<byte[]>> pending =
        clientFor(to).sendAsync(request.build(), CappedBody.handler(maxBodyBytes, method));
    try {
      // The request timeout only covers the response head; this covers the body too.
      HttpResponse<byte[]> response = pending.get(timeLeft.toNanos(), TimeUnit.NANOSECONDS);
      return new OutboundResponse(
          response.statusCode(), new Headers(response.headers().map()), Body.of(response.body()));
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("request timed out after " + timeLeft.toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the response");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("request failed: " + e.getCause(), e.getCause());
    }
  }

  private HttpClient clientFor(Destination to) {
    boolean numeric = AddressLiteral.parse(to.host()).isPresent();
    if (to.scheme().equals("https") || numeric) {
      return tlsClient;
    }
    InetSocketAddress pinned = new InetSocketAddress(to.address(), to.port());
    synchronized (pinnedClients) {
      return pinnedClients.computeIfAbsent(
          pinned, address -> builder().proxy(ProxySelector.of(address)).build());
    }
  }

  private HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .version(HttpClient.Version.HTTP_1_1);
  }
}
