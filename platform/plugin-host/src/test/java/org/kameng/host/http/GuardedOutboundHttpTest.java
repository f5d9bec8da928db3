package org.kameng.host.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * The client against a real server on 127.0.0.1: refused by default, reachable only once
 * allow-listed, and then bounded in redirects, size and time. No other network is used.
 */
class GuardedOutboundHttpTest {

  private final LoopbackServer server = new LoopbackServer();
  private final TableResolver resolver = new TableResolver().with("upstream.test", "127.0.0.1");

  GuardedOutboundHttpTest() throws IOException {
    server.on("/hello", ex -> LoopbackServer.reply(ex, 200, "hello".getBytes(UTF_8)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GuardedOutboundHttp client(OutboundSettings settings) {
    return GuardedOutboundHttp.create(settings, resolver).forCaller("test-tenant/test-plugin");
  }

  private GuardedOutboundHttp allowing(String... hosts) {
    return client(OutboundSettings.defaults().withAllowedHosts(Set.of(hosts)));
  }

  @Test
  void loopbackIsRefusedByDefaultAndNeverContacted() {
    GuardedOutboundHttp client = client(OutboundSettings.defaults());
    for (String host :
        new String[] {
          "127.0.0.1", "127.1", "2130706433", "[::ffff:127.0.0.1]", "upstream.test", "localhost"
        }) {
      URI uri = URI.create("http://" + host + ":" + server.port() + "/hello");
      assertThrows(DestinationRefusedException.class, () -> client.policy().check(uri), host);
    }
    assertThrows(
        DestinationRefusedException.class,
        () -> client.send(OutboundRequest.get(server.uri("127.0.0.1", "/hello"))));
    assertThrows(
        DestinationRefusedException.class,
        () -> client.send(OutboundRequest.get(server.uri("upstream.test", "/hello"))));
    assertEquals(0, server.requests.get());
  }

  @Test
  void anAllowListedAddressIsReachable() throws IOException {
    OutboundResponse response =
        allowing("127.0.0.1").send(OutboundRequest.get(server.uri("127.0.0.1", "/hello")));
    assertEquals(200, response.status());
    assertEquals("hello", response.body().text());
  }

  @Test
  void anAllowListedNameIsConnectedAtTheAddressItWasCheckedAt() throws IOException {
    // upstream.test has no DNS entry: the request can only arrive if the client connected to the
    // address the resolver gave at check time, instead of letting the JDK look the name up again.
    OutboundResponse response =
        allowing("upstream.test")
            .send(
                OutboundRequest.get(server.uri("upstream.test", "/hello"))
                    .withHeaders(Map.of("Host", "evil.example", "X-Trace", "t1")));
    assertEquals(200, response.status());
    assertEquals(1, resolver.lookups.get());
    assertEquals("upstream.test:" + server.port(), server.lastHeaders.get("host"));
    assertEquals("t1", server.lastHeaders.get("x-trace"));
    assertTrue(server.lastHeaders.get("user-agent").startsWith("Kameng-Outbound"));
  }

  @Test
  void anOffOriginRedirectIsReturnedNotFollowed() throws IOException {
    try (LoopbackServer other = new LoopbackServer()) {
      other.on("/", ex -> LoopbackServer.reply(ex, 200, new byte[0]));
      String elsewhere = other.uri("localhost", "/").toString();
      server.on("/away", ex -> redirect(ex, 302, elsewhere));
      server.on("/metadata", ex -> redirect(ex, 307, "http://169.254.169.254/latest/meta-data/"));
      GuardedOutboundHttp client = allowing("127.0.0.1");

      OutboundResponse away = client.send(OutboundRequest.get(server.uri("127.0.0.1", "/away")));
      OutboundResponse metadata =
          client.send(OutboundRequest.get(server.uri("127.0.0.1", "/metadata")));

      assertEquals(302, away.status());
      assertEquals(elsewhere, away.headers().first("Location").orElseThrow());
      assertEquals(307, metadata.status());
      assertEquals(0, other.requests.get());
    }
  }

  @Test
  void aSameOriginRedirectIsFollowedUpToTheLimit() throws IOException {
    server.on("/moved", ex -> redirect(ex, 301, "/hello"));
    server.on("/loop", ex -> redirect(ex, 302, "/loop"));
    URI moved = server.uri("127.0.0.1", "/moved");

    assertEquals(200, allowing("127.0.0.1").send(OutboundRequest.get(moved)).status());
    OutboundSettings noRedirects =
        OutboundSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")).withMaxRedirects(0);
    assertEquals(301, client(noRedirects).send(OutboundRequest.get(moved)).status());

    server.requests.set(0);
    OutboundResponse loop =
        allowing("127.0.0.1").send(OutboundRequest.get(server.uri("127.0.0.1", "/loop")));
    assertEquals(302, loop.status());
    assertEquals(6, server.requests.get(), "the first request and five redirects");
  }

  @Test
  void seeOtherAfterPostContinuesAsGet() throws IOException {
    server.on("/pay", ex -> redirect(ex, 303, "/hello"));
    OutboundResponse response =
        allowing("127.0.0.1")
            .send(
                OutboundRequest.post(
                    server.uri("127.0.0.1", "/pay"), "text/plain", Body.utf8("amount=1")));
    assertEquals(200, response.status());
    assertEquals("GET /hello", server.lastRequestLine);
  }

  @Test
  void aBodyOverTheLimitFailsAndOneAtTheLimitIsRead() throws IOException {
    byte[] limit = new byte[1024];
    server.on("/exact", ex -> LoopbackServer.reply(ex, 200, limit));
    server.on("/declared", ex -> LoopbackServer.reply(ex, 200, new byte[1025]));
    server.on(
        "/chunked",
        ex -> {
          ex.sendResponseHeaders(200, 0); // no Content-Length: only counting can stop it
          for (int i = 0; i < 64; i++) {
            ex.getResponseBody().write(new byte[1024]);
          }
        });
    GuardedOutboundHttp client =
        client(
            OutboundSettings.defaults()
                .withAllowedHosts(Set.of("127.0.0.1"))
                .withMaxBodyBytes(1024));

    assertEquals(
        1024, client.send(OutboundRequest.get(server.uri("127.0.0.1", "/exact"))).body().size());
    assertThrows(
        ResponseTooLargeException.class,
        () -> client.send(OutboundRequest.get(server.uri("127.0.0.1", "/declared"))));
    assertThrows(
        ResponseTooLargeException.class,
        () -> client.send(OutboundRequest.get(server.uri("127.0.0.1", "/chunked"))));
  }

  @Test
  void compressedBodiesAreNeverInflated() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(new byte[10 << 20]); // 10 MiB of zeros, about 10 KiB compressed
    }
    server.on(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          LoopbackServer.reply(ex, 200, zipped.toByteArray());
        });
    OutboundResponse response =
        allowing("127.0.0.1")
            .send(
                OutboundRequest.get(server.uri("127.0.0.1", "/bomb"))
                    .withHeaders(Map.of("Accept-Encoding", "gzip")));
    assertArrayEquals(zipped.toByteArray(), response.body().bytes());
  }

  @Test
  void aSlowServerTimesOutWithinTheRequestTimeout() {
    server.on("/slow-head", ex -> pause(ex, 5_000, 0));
    server.on("/slow-body", ex -> pause(ex, 5_000, 1));
    GuardedOutboundHttp client = allowing("127.0.0.1");
    for (String path : new String[] {"/slow-head", "/slow-body"}) {
      long started = System.nanoTime();
      assertThrows(
          HttpTimeoutException.class,
          () ->
              client.send(
                  OutboundRequest.get(server.uri("127.0.0.1", path))
                      .withTimeout(Duration.ofMillis(300))),
          path);
      long tookMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(tookMs < 2_000, path + " took " + tookMs + " ms");
    }
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange ex, int status, String location)
      throws IOException {
    ex.getResponseHeaders().set("Location", location);
    LoopbackServer.reply(ex, status, new byte[0]);
  }

  /** Sleeps before the head, or after sending the head and one byte of the body. */
  private static void pause(com.sun.net.httpserver.HttpExchange ex, long ms, int headFirst)
      throws IOException {
    try {
      if (headFirst == 1) {
        ex.sendResponseHeaders(200, 100);
        ex.getResponseBody().write('x');
        ex.getResponseBody().flush();
      }
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
