package org.kameng.plugin.api.host;

import java.net.URI;
import java.time.Clock;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.mail.OutboundMail;

/**
 * The services the host hands to an extension in {@code ExtensionFactory.create}, one context per
 * tenant configuration. This is all a plugin gets of the platform: never a {@code DataSource}, an
 * {@code EntityManager}, a CDI {@code BeanManager} or the plugin manager.
 *
 * <p>Every method returns the same object on each call and may be called from any thread; the
 * returned services are thread-safe.
 */
public interface HostContext {

  /** The shop this context acts for. */
  TenantId tenant();

  /** The id of the extension this context was created for, for example {@code payment-epay}. */
  String pluginId();

  /**
   * The tenant's configuration of the extension with secrets resolved; the one passed to {@code
   * create}.
   */
  PluginConfig config();

  /** The guarded HTTP client; with {@link #mail()}, the only way a plugin may reach the network. */
  OutboundHttp http();

  /**
   * The guarded SMTP transport; with {@link #http()}, the only way a plugin may reach the network.
   * It applies the same egress policy as the HTTP client.
   *
   * <p>A default method so that test hosts written against 0.1.0 still compile; the platform's host
   * always overrides it.
   *
   * @throws UnsupportedOperationException if this host offers no mail transport
   * @since 0.2.0
   */
  default OutboundMail mail() {
    throw new UnsupportedOperationException("this host offers no mail transport");
  }

  /**
   * The clock to read the time from. Use it and never {@code Instant.now()} or {@code
   * System.currentTimeMillis()}: timestamp checks such as a notify's freshness window are then
   * testable, and the host's tests move time deterministically.
   */
  Clock clock();

  /**
   * The logger for this tenant and extension. The host adds tenant and plugin id to every line.
   * Never log a secret, a card key, a full request body or a buyer's personal data.
   */
  System.Logger logger();

  /** Durable key-value storage of this extension for this tenant. */
  KeyValueStore store();

  /**
   * The absolute URL, ending in {@code /}, under which the host routes buyers' requests to this
   * configuration's {@link org.kameng.plugin.api.payment.HostedPages}; a channel builds its page
   * links by resolving relative paths against it, for example {@code pagesUrl().resolve("pay/" +
   * reference)}. Only meaningful for payment channels; other extensions get a URL that answers 404.
   */
  URI pagesUrl();
}
