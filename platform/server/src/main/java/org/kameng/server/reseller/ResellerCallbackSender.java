package org.kameng.server.reseller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.docking.signing.RequestSignature;
import org.kameng.host.http.GuardedOutboundHttp;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.kernel.docking.ResellerApiKeys;
import org.kameng.kernel.docking.ResellerCallbacks;
import org.kameng.kernel.job.JobHandler;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.DestinationRefusedException;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.http.OutboundResponse;

/**
 * Sends resellers' order callbacks from the job queue, through the same guarded outbound client
 * plugins get: a callback URL that names an internal or metadata address is refused, however it is
 * spelled. A 2xx answer completes the job; anything else fails the attempt and the queue retries it
 * with backoff. A refused destination is final: it would be refused again.
 */
@ApplicationScoped
public class ResellerCallbackSender {

  private static final Logger LOG = Logger.getLogger(ResellerCallbackSender.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject ResellerApiKeys keys;

  @Inject
  @ConfigProperty(name = "kameng.outbound.allowed-hosts")
  Optional<String> allowedHosts;

  private volatile GuardedOutboundHttp http;

  /** The handler of {@link ResellerCallbacks#JOB}. */
  public JobHandler jobHandler() {
    return (c, job) -> {
      UUID orderId = ResellerCallbacks.orderId(job.payload());
      Optional<ResellerCallbacks.Due> found = ResellerCallbacks.due(c, orderId);
      if (found.isEmpty()) {
        return;
      }
      ResellerCallbacks.Due due = found.get();
      if (!due.ready()) {
        ResellerCallbacks.lookAgainLater(
            c, job.tenant(), job.payload(), Clock.systemUTC().instant());
        return;
      }
      byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
      String timestamp = Long.toString(Clock.systemUTC().instant().getEpochSecond());
      String nonce = RequestSignature.newNonce();
      String target =
          due.url().getRawQuery() == null
              ? rawPath(due)
              : rawPath(due) + "?" + due.url().getRawQuery();
      Optional<String> signature =
          keys.signAs(
              c,
              job.tenant(),
              due.keyId(),
              RequestSignature.canonical("POST", target, timestamp, nonce, body));
      if (signature.isEmpty()) {
        return;
      }
      OutboundRequest request =
          OutboundRequest.post(due.url(), "application/json", Body.of(body))
              .withHeaders(
                  Map.of(
                      RequestSignature.KEY,
                      due.keyId(),
                      RequestSignature.TIMESTAMP,
                      timestamp,
                      RequestSignature.NONCE,
                      nonce,
                      RequestSignature.SIGNATURE,
                      signature.get()))
              .withTimeout(TIMEOUT);
      try {
        OutboundResponse response = http().send(request);
        if (!response.isSuccess()) {
          throw new IllegalStateException("the reseller's callback answered " + response.status());
        }
      } catch (DestinationRefusedException e) {
        LOG.info("reseller callback for order " + orderId + " refused: " + e.getMessage());
      } catch (IOException e) {
        throw new IllegalStateException("the reseller's callback failed: " + e.getMessage(), e);
      }
    };
  }

  private static String rawPath(ResellerCallbacks.Due due) {
    String path = due.url().getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  private GuardedOutboundHttp http() {
    GuardedOutboundHttp client = http;
    if (client == null) {
      synchronized (this) {
        if (http == null) {
          Set<String> hosts =
              Arrays.stream(allowedHosts.orElse("").split(","))
                  .map(String::strip)
                  .filter(h -> !h.isEmpty())
                  .collect(Collectors.toUnmodifiableSet());
          http =
              GuardedOutboundHttp.create(
                      OutboundSettings.defaults().withAllowedHosts(hosts).withMaxBodyBytes(4096),
                      HostResolver.system())
                  .forCaller("reseller-callback");
        }
        client = http;
      }
    }
    return client;
  }
}
