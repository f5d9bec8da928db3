package org.kameng.server.plugins;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kameng.host.http.HostResolver;
import org.kameng.host.http.OutboundSettings;
import org.kameng.host.mail.GuardedOutboundMail;
import org.kameng.plugin.api.TenantId;

/**
 * The mail transport plugins get in their host context (ADR 0016), under the same operator
 * allow-list as their HTTP client ({@code kameng.outbound.allowed-hosts}) and the JVM's trust
 * store.
 */
@ApplicationScoped
public class PluginMail {

  @Inject
  @ConfigProperty(name = "kameng.outbound.allowed-hosts")
  Optional<String> allowedHosts;

  private volatile GuardedOutboundMail transport;

  /** The transport, logging against one shop's plugin. */
  public GuardedOutboundMail forCaller(TenantId tenant, String pluginId) {
    GuardedOutboundMail shared = transport;
    if (shared == null) {
      synchronized (this) {
        if (transport == null) {
          Set<String> hosts =
              Arrays.stream(allowedHosts.orElse("").split(","))
                  .map(String::strip)
                  .filter(h -> !h.isEmpty())
                  .collect(Collectors.toUnmodifiableSet());
          transport =
              GuardedOutboundMail.create(
                  OutboundSettings.defaults().withAllowedHosts(hosts), HostResolver.system());
        }
        shared = transport;
      }
    }
    return shared.forCaller(tenant.value() + "/" + pluginId);
  }
}
