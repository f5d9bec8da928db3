package org.kameng.plugins.brokenrule;

import java.net.URI;
import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.Body;
import org.kameng.plugin.api.http.OutboundRequest;
import org.kameng.plugin.api.marketing.OrderEvent;
import org.kameng.plugin.api.marketing.OrderEventListener;
import org.kameng.plugin.api.marketing.OrderEventListenerFactory;

/**
 * The order-event listener of {@code marketing-broken}, for the server's tests: {@code relay} posts
 * each event to {@code relayUrl} through the host's client (a 2xx is handled, anything else is
 * retried by the host); {@code throw} throws; {@code hang} blocks past the host's limit.
 */
public final class RelayListenerFactory implements OrderEventListenerFactory {

  /** Created by the host when the plugin loads. */
  public RelayListenerFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.of("marketing-broken", LocalizedText.of("故障规则", "Broken rule"));
  }

  @Override
  public ConfigSchema configSchema() {
    return BrokenRuleFactory.SCHEMA;
  }

  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return List.of();
  }

  @Override
  public OrderEventListener create(TenantId tenant, PluginConfig config, HostContext context) {
    String behaviour = config.string("behaviour");
    return event -> {
      switch (behaviour) {
        case "relay" -> relay(URI.create(config.string("relayUrl")), event, context);
        case "hang" -> Thread.sleep(BrokenRuleFactory.HANG);
        default -> throw new IllegalStateException("broken on purpose");
      }
    };
  }

  private static void relay(URI url, OrderEvent event, HostContext context) throws Exception {
    String json =
        "{\"eventId\":\""
            + event.eventId()
            + "\",\"type\":\""
            + event.type()
            + "\",\"orderNumber\":\""
            + event.orderNumber()
            + "\",\"total\":"
            + event.total().minorUnits()
            + ",\"currency\":\""
            + event.total().currency()
            + "\",\"adjustments\":"
            + event.adjustments().size()
            + "}";
    int status =
        context
            .http()
            .send(OutboundRequest.post(url, "application/json", Body.utf8(json)))
            .status();
    if (status < 200 || status >= 300) {
      throw new IllegalStateException("the relay answered " + status);
    }
  }
}
