package org.kameng.plugins.sandbox;

import java.util.List;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/**
 * The sandbox payment channel, id {@code payment-sandbox}: for demos and end-to-end tests only. A
 * buyer is sent to a page that says on top, in both languages, that no money moves, and chooses
 * whether the payment succeeds; the shop is told by a signed notify. Anyone who opens the page can
 * "pay", so it must never be enabled for a real shop's buyers. See {@link SandboxChannel}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SandboxChannelFactory implements PaymentChannelFactory {

  /** The published id; tenants' configurations and old payments refer to it. */
  public static final String ID = "payment-sandbox";

  /** The config field of the HMAC secret that signs notifies; the name is published. */
  static final String SIGNING_SECRET = "signingSecret";

  /**
   * The config field that says whether the checkout page sends its notify ({@code send}, the
   * default) or withholds it ({@code withhold}), so a shop can see that a lost notify is still
   * caught by the platform's status queries.
   */
  static final String NOTIFIES = "notifies";

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("沙箱支付（仅供测试）", "Sandbox payments (test only)"))
          .withCapabilities(Capability.PAYMENT_QUERY, Capability.PAYMENT_REFUND);

  // no pattern here: validate explains a wrong length or character, the schema could only say
  // "does not have the expected format"
  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(
              SIGNING_SECRET,
              FieldType.SECRET,
              LocalizedText.of(
                  "通知签名密钥（32–128 个可打印 ASCII 字符）",
                  "Notify signing secret (32–128 printable ASCII characters)")),
          ConfigField.choice(
                  NOTIFIES,
                  LocalizedText.of("支付结果通知", "Payment notifies"),
                  EnumOption.of("send", "发送（正常）", "Send (normal)"),
                  EnumOption.of("withhold", "不发送（模拟通知丢失）", "Withhold (simulate a lost notify)"))
              .optional()
              .withDefault("send"));

  /** Creates the factory; the host does this once when the plugin loads. */
  public SandboxChannelFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /**
   * Refuses a signing secret that is missing, shorter than 32 or longer than 128 characters, not
   * printable ASCII, typed rather than generated ({@code aaaa…}, {@code 1234…}, a block written
   * twice) or a well-known value (the MD5 of a trivial password); the problem names the field and
   * never repeats the secret.
   */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    return SigningSecret.problem(config.find(SIGNING_SECRET).orElse(null))
        .map(problem -> List.of(new ConfigProblem(SIGNING_SECRET, problem)))
        .orElse(List.of());
  }

  /**
   * Creates the channel. Checks the secret again, so that a weak one that reached the store some
   * other way still cannot verify a notify.
   *
   * @throws IllegalArgumentException naming the field if the secret is unusable
   */
  @Override
  public SandboxChannel create(TenantId tenant, PluginConfig config, HostContext context) {
    return new SandboxChannel(
        context,
        new SigningSecret(config.find(SIGNING_SECRET).orElse(null)),
        config.find(NOTIFIES).orElse("send").equals("withhold"));
  }
}
