package org.kameng.server.plugins;

import java.net.URI;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.host.KeyValueStore;
import org.kameng.plugin.api.http.OutboundHttp;
import org.kameng.plugin.api.mail.OutboundMail;

/** What one shop's configuration of one plugin gets of the platform; see {@link HostContext}. */
record ShopHostContext(
    TenantId tenant,
    String pluginId,
    PluginConfig config,
    OutboundHttp http,
    OutboundMail mail,
    Clock clock,
    System.Logger logger,
    KeyValueStore store,
    URI pagesUrl)
    implements HostContext {

  /** A logger that puts the shop and plugin in front of every line the plugin writes. */
  static System.Logger loggerFor(TenantId tenant, String pluginId) {
    System.Logger target = System.getLogger("kameng.plugin." + pluginId);
    String prefix = "[" + pluginId + " tenant=" + tenant.value() + "] ";
    return new System.Logger() {
      @Override
      public String getName() {
        return target.getName();
      }

      @Override
      public boolean isLoggable(Level level) {
        return target.isLoggable(level);
      }

      @Override
      public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        target.log(level, bundle, prefix + msg, thrown);
      }

      @Override
      public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        target.log(level, bundle, prefix + format, params);
      }

      @Override
      public void log(Level level, Supplier<String> msgSupplier) {
        target.log(level, () -> prefix + msgSupplier.get());
      }
    };
  }
}
