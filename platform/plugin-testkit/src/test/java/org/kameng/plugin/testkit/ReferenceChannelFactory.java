package org.kameng.plugin.testkit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.payment.PaymentChannel;
import org.kameng.plugin.api.payment.PaymentChannelFactory;

/** Creates {@link ReferenceChannel}s, with or without {@link Flaw}s. */
final class ReferenceChannelFactory implements PaymentChannelFactory {

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of("payment-reference", LocalizedText.of("参考渠道", "Reference channel"));

  private final Set<Flaw> flaws;

  ReferenceChannelFactory(Set<Flaw> flaws) {
    this.flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
  }

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    ConfigField key =
        ConfigField.of("secretKey", FieldType.SECRET, LocalizedText.of("密钥", "Secret key"));
    return ConfigSchema.of(
        ConfigField.of("merchant", FieldType.STRING, LocalizedText.of("商户号", "Merchant"))
            .withPattern("[0-9]{4,12}"),
        flaws.contains(Flaw.ACCEPTS_WEAK_KEYS) ? key.optional() : key);
  }

  /** A key must be long and mix lower case, upper case and digits, as generated keys do. */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    if (flaws.contains(Flaw.ACCEPTS_WEAK_KEYS)) {
      return List.of();
    }
    String key = config.find("secretKey").orElse("");
    boolean generated =
        key.length() >= 24
            && key.chars().anyMatch(Character::isLowerCase)
            && key.chars().anyMatch(Character::isUpperCase)
            && key.chars().anyMatch(Character::isDigit);
    return generated
        ? List.of()
        : List.of(new ConfigProblem("secretKey", "enter the generated key from the dashboard"));
  }

  @Override
  public PaymentChannel create(TenantId tenant, PluginConfig config, HostContext context) {
    return new ReferenceChannel(
        config.string("merchant"),
        config.string("secretKey"),
        context.clock(),
        context.logger(),
        flaws);
  }
}
