package org.kameng.plugins.broken;

import java.time.Duration;
import java.time.Instant;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.payment.NotifyVerification;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.payment.PaymentRequest;
import org.kameng.plugin.api.payment.PaymentStart;

/**
 * A payment channel that fails the way its configuration's {@code failure} field says: {@code
 * throw} throws from every call, {@code hang} blocks every call for {@link #HANG} and ignores
 * interrupts (the worst a plugin can do to a thread), {@code null} answers nothing. For the
 * server's isolation tests only.
 */
public final class BrokenChannelFactory implements PaymentChannelFactory {

  /** How long a hanging call blocks: far past any host time limit, but not forever. */
  static final Duration HANG = Duration.ofSeconds(30);

  @Override
  public PluginDescriptor descriptor() {
    return PluginDescriptor.of(
        "payment-broken", LocalizedText.of("故障测试通道", "Broken channel (tests only)"));
  }

  @Override
  public ConfigSchema configSchema() {
    return ConfigSchema.of(
        ConfigField.choice(
            "failure",
            LocalizedText.of("故障方式", "How it fails"),
            EnumOption.of("throw", "抛出异常", "Throws"),
            EnumOption.of("hang", "挂起", "Hangs"),
            EnumOption.of("null", "无返回", "Answers nothing")));
  }

  @Override
  public PaymentChannel create(TenantId tenant, PluginConfig config, HostContext context) {
    String failure = config.string("failure");
    return new PaymentChannel() {
      @Override
      public PaymentStart start(PaymentRequest request) {
        return fail(failure);
      }

      @Override
      public NotifyVerification verifyNotify(InboundRequest request) {
        return fail(failure);
      }
    };
  }

  private static <T> T fail(String failure) {
    switch (failure) {
      case "throw" -> throw new IllegalStateException("broken on purpose");
      case "hang" -> {
        Instant until = Instant.now().plus(HANG);
        while (Instant.now().isBefore(until)) {
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException ignored) {
            // Deliberately swallowed: this plugin models one that ignores cancellation.
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }
}
