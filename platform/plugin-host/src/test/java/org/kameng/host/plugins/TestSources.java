package org.kameng.host.plugins;

/** Java sources of the classes in the test plugins, compiled at test time. */
final class TestSources {

  private TestSources() {}

  /** A payment channel factory in package {@code test}. */
  static String paymentFactory(String name, String factoryId, String constructorBody) {
    return """
        package test;

        import org.kameng.plugin.api.LocalizedText;
        import org.kameng.plugin.api.TenantId;
        import org.kameng.plugin.api.config.ConfigSchema;
        import org.kameng.plugin.api.config.PluginConfig;
        import org.kameng.plugin.api.extension.PluginDescriptor;
        import org.kameng.plugin.api.host.HostContext;
        import org.kameng.plugin.api.payment.PaymentChannel;
        import org.kameng.plugin.api.payment.PaymentChannelFactory;

        public final class __NAME__ implements PaymentChannelFactory {
          public __NAME__() {
            __BODY__
          }

          @Override
          public PluginDescriptor descriptor() {
            return PluginDescriptor.of("__ID__", LocalizedText.of("测试", "Test"));
          }

          @Override
          public ConfigSchema configSchema() {
            return ConfigSchema.empty();
          }

          @Override
          public PaymentChannel create(TenantId tenant, PluginConfig config, HostContext context) {
            throw new UnsupportedOperationException("a test plugin");
          }
        }
        """
        .replace("__NAME__", name)
        .replace("__ID__", factoryId)
        .replace("__BODY__", constructorBody);
  }

  /** A PF4J plugin class in package {@code test} whose constructor runs {@code body}. */
  static String pluginClass(String name, String body) {
    return """
        package test;

        public class __NAME__ extends org.pf4j.Plugin {
          public __NAME__() {
            __BODY__
          }
        }
        """
        .replace("__NAME__", name)
        .replace("__BODY__", body);
  }
}
