package org.kameng.server.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kameng.host.http.GuardedOutboundHttp;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.server.domains.VerificationOutcome.Reason;

/**
 * The HTTP proof against a web server in this JVM. There is no public network here, so the
 * "reseller's web server" is on 127.0.0.1 under a test name that only these tests' client
 * allow-lists; the refusal tests use the production rules, with no allow-list.
 */
class HttpTokenCheckTest {

  private static final String DOMAIN = "shop.example.com";
  private static final String TOKEN = "k7Q2x9fLrT0aYbC3dE4fG5hI6jK7lM8nO9pQ0rS1tU2";

  private final HttpServer server = start();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theTokenServedAtTheWellKnownPathVerifies() {
    serve(200, TOKEN + "\n", Map.of());
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.VERIFIED, outcome.reason(), outcome.message());
    assertTrue(outcome.verified());
  }

  @Test
  void anotherTokenDoesNot() {
    serve(200, "someone-elses-token", Map.of());
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.WRONG_TOKEN, outcome.reason());
    assertTrue(outcome.message().contains("does not serve this shop's token"), outcome.message());
  }

  @Test
  void aMissingFileSaysWhatTheServerAnswered() {
    serve(404, "not here", Map.of());
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_SERVED, outcome.reason());
    assertTrue(outcome.message().contains("HTTP 404"), outcome.message());
    assertTrue(outcome.message().contains(HttpTokenCheck.PATH), outcome.message());
  }

  @Test
  void aWholePageIsNotAToken() {
    serve(200, "<html>" + TOKEN + "x".repeat(5_000) + "</html>", Map.of());
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.WRONG_TOKEN, outcome.reason());
    assertTrue(outcome.message().contains("whole page"), outcome.message());
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowed() {
    serve(302, "", Map.of("Location", "http://elsewhere.example.net" + HttpTokenCheck.PATH));
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_SERVED, outcome.reason());
    assertTrue(outcome.message().contains("HTTP 302"), outcome.message());
    assertEquals(1, requests.get());
  }

  @Test
  void aRedirectToHttpsOnTheSameHostIsFollowedOnce() {
    // This test server speaks plain HTTP only, so the https attempt fails to connect: what
    // matters is that the check went there and says so.
    String secure = "https://" + DOMAIN + ":" + port() + HttpTokenCheck.PATH;
    serve(301, "", Map.of("Location", secure));
    VerificationOutcome outcome = reachable().check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_REACHABLE, outcome.reason(), outcome.message());
    assertTrue(outcome.message().startsWith(secure), outcome.message());
  }

  @Test
  void aDomainResolvingToLoopbackIsRefusedBeforeAnyConnection() {
    serve(200, TOKEN, Map.of());
    VerificationOutcome outcome = production(table(DOMAIN, "127.0.0.1")).check(DOMAIN, TOKEN);
    assertEquals(Reason.REFUSED_ADDRESS, outcome.reason());
    assertTrue(outcome.message().contains("loopback"), outcome.message());
    assertEquals(0, requests.get(), "the platform must not connect at all");
  }

  @Test
  void aDomainResolvingToAPrivateOrMetadataAddressIsRefused() {
    VerificationOutcome internal =
        production(table(DOMAIN, "93.184.216.34", "10.1.2.3")).check(DOMAIN, TOKEN);
    assertEquals(Reason.REFUSED_ADDRESS, internal.reason());
    assertTrue(internal.message().contains("private network"), internal.message());
    VerificationOutcome metadata =
        production(table(DOMAIN, "169.254.169.254")).check(DOMAIN, TOKEN);
    assertEquals(Reason.REFUSED_ADDRESS, metadata.reason());
    assertTrue(metadata.message().contains("metadata"), metadata.message());
  }

  @Test
  void aNameWithoutAddressesSaysSo() {
    VerificationOutcome outcome = production(table("other.example.com")).check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_RESOLVING, outcome.reason());
    assertTrue(outcome.message().contains("does not resolve"), outcome.message());
  }

  @Test
  void aServerThatIsNotListeningIsNotReachable() {
    int closed = port();
    server.stop(0);
    VerificationOutcome outcome =
        new HttpTokenCheck(allowListed(table(DOMAIN, "127.0.0.1")), closed).check(DOMAIN, TOKEN);
    assertEquals(Reason.NOT_REACHABLE, outcome.reason());
    assertTrue(outcome.message().contains("could not be reached"), outcome.message());
  }

  // The test name is allow-listed so the client may reach this JVM's loopback server. The client
  // would follow an allow-listed host's redirects itself; with that off, it hands every 3xx back
  // as it does in production for a host that is not allow-listed.
  private HttpTokenCheck reachable() {
    return new HttpTokenCheck(allowListed(table(DOMAIN, "127.0.0.1")), port());
  }

  private static GuardedOutboundHttp allowListed(HostResolver resolver) {
    return GuardedOutboundHttp.create(
        OutboundSettings.defaults()
            .withAllowedHosts(Set.of(DOMAIN))
            .withMaxBodyBytes(1024)
            .withMaxRedirects(0),
        resolver);
  }

  // The rules the server uses, with a resolver that answers from a table instead of DNS; aimed at
  // this test's server, so a connection that should not happen would be counted.
  private HttpTokenCheck production(HostResolver resolver) {
    return new HttpTokenCheck(
        GuardedOutboundHttp.create(OutboundSettings.defaults(), resolver), port());
  }

  private static HostResolver table(String name, String... literals) {
    return host -> {
      if (!host.equals(name) || literals.length == 0) {
        throw new UnknownHostException(host);
      }
      List<InetAddress> addresses = new java.util.ArrayList<>();
      for (String literal : literals) {
        addresses.add(InetAddress.getByName(literal)); // literals only: no DNS
      }
      return addresses;
    };
  }

  private void serve(int status, String body, Map<String, String> headers) {
    server.createContext(
        HttpTokenCheck.PATH,
        exchange -> {
          requests.incrementAndGet();
          try (exchange) {
            headers.forEach((n, v) -> exchange.getResponseHeaders().add(n, v));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static HttpServer start() {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
