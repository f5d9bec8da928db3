package org.kameng.server.domains;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.host.http.GuardedOutboundHttp;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.host.http.ResponseTooLargeException;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;
import org.kameng.server.domains.VerificationOutcome.Reason;

/**
 * The HTTP proof of control: {@code http://<domain>/.well-known/kameng-domain-verification} must
 * answer 200 with the shop's token as its body (surrounding white space ignored). A redirect to
 * {@code https} on the same host is followed once, since many sites send every plain request there.
 *
 * <p>Requests go through the guarded client with the platform's default rules and <em>no</em>
 * allow-list: the operator's allow-list exists for plugins' upstreams in the operator's network,
 * and must not let a shop make the platform fetch from there.
 */
@ApplicationScoped
public class HttpTokenCheck {

  /** Where the token must be served. */
  public static final String PATH = "/.well-known/kameng-domain-verification";

  private static final Duration TIMEOUT = Duration.ofSeconds(8);
  // A token is 43 characters; a larger body is some page, not a token.
  private static final int MAX_BODY = 1024;
  private static final Pattern RULE = Pattern.compile("\\[([a-z-]+)]");

  private final GuardedOutboundHttp http;
  private final int port;

  public HttpTokenCheck() {
    this(
        GuardedOutboundHttp.create(
                OutboundSettings.defaults().withMaxBodyBytes(MAX_BODY), HostResolver.system())
            .forCaller("domain-verification"),
        80);
  }

  /** A check through this client, at this port (tests use a port of their own). */
  HttpTokenCheck(GuardedOutboundHttp http, int port) {
    this.http = http;
    this.port = port;
  }

  /** Fetches the verification path of {@code host} and compares what it serves to {@code token}. */
  public VerificationOutcome check(String host, String token) {
    URI url = URI.create("http://" + host + (port == 80 ? "" : ":" + port) + PATH);
    try {
      OutboundResponse response = http.send(get(url));
      Optional<URI> secure = secureRedirect(response, host);
      if (secure.isPresent()) {
        url = secure.get();
        response = http.send(get(url));
      }
      return judge(url, response, token);
    } catch (DestinationRefusedException e) {
      return new VerificationOutcome(
          Reason.REFUSED_ADDRESS,
          host
              + " resolves to "
              + addressKind(e.getMessage())
              + ", which the platform never connects to. Point the domain at a public web"
              + " server that serves the token.");
    } catch (UnknownHostException e) {
      return new VerificationOutcome(
          Reason.NOT_RESOLVING,
          host
              + " does not resolve to an address. Set its DNS records, wait for them to spread,"
              + " and try again.");
    } catch (ResponseTooLargeException e) {
      return new VerificationOutcome(
          Reason.WRONG_TOKEN, url + " answered with a whole page, not just the token.");
    } catch (IOException e) {
      return new VerificationOutcome(
          Reason.NOT_REACHABLE,
          url
              + " could not be reached ("
              + (e instanceof HttpTimeoutException ? "timed out" : "no connection")
              + "). Make sure a web server answers there and try again.");
    }
  }

  private static VerificationOutcome judge(URI url, OutboundResponse response, String token) {
    if (response.status() != 200) {
      return new VerificationOutcome(
          Reason.NOT_SERVED,
          url
              + " answered HTTP "
              + response.status()
              + ". Serve the token there as a plain text file, with no redirect elsewhere.");
    }
    if (!response.body().text().strip().equals(token)) {
      return new VerificationOutcome(
          Reason.WRONG_TOKEN,
          url + " does not serve this shop's token. Copy the token exactly as shown.");
    }
    return new VerificationOutcome(Reason.VERIFIED, url + " serves the token.");
  }

  // A site that sends every plain request to https: follow that one redirect, same host only.
  private static Optional<URI> secureRedirect(OutboundResponse response, String host) {
    if (response.status() < 300 || response.status() > 308) {
      return Optional.empty();
    }
    try {
      return response
          .headers()
          .first("location")
          .map(location -> URI.create(location.strip()))
          .filter(to -> "https".equalsIgnoreCase(to.getScheme()))
          .filter(to -> to.getHost() != null && to.getHost().toLowerCase(Locale.ROOT).equals(host))
          .filter(to -> to.getRawUserInfo() == null);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static OutboundRequest get(URI url) {
    return OutboundRequest.get(url).withTimeout(TIMEOUT);
  }

  // The policy names its rule ("destination refused [loopback]: host"); say it in words.
  private static String addressKind(String refusal) {
    Matcher rule = RULE.matcher(refusal == null ? "" : refusal);
    String name = rule.find() ? rule.group(1) : "";
    return switch (name) {
      case "loopback" -> "a loopback address (this machine)";
      case "private", "carrier-grade-nat" -> "a private network address";
      case "link-local" -> "a link-local address";
      case "metadata" -> "a cloud metadata address";
      case "port", "scheme" -> "a destination the platform does not allow";
      default -> "an address that is not public";
    };
  }
}
