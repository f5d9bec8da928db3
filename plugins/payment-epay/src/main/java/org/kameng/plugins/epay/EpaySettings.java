package org.kameng.plugins.epay;

import static org.kameng.plugins.epay.EpayConfigSchema.GATEWAY_URL;
import static org.kameng.plugins.epay.EpayConfigSchema.MERCHANT_KEY;
import static org.kameng.plugins.epay.EpayConfigSchema.MODE;
import static org.kameng.plugins.epay.EpayConfigSchema.PAYMENT_TYPE;
import static org.kameng.plugins.epay.EpayConfigSchema.PID;
import static org.kameng.plugins.epay.EpayConfigSchema.SITE_NAME;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;

/**
 * One tenant's EPay settings, read from its validated configuration. {@link #toString()} leaves the
 * key out.
 *
 * @param gateway the gateway's base URL, ending in {@code /}
 * @param pid the merchant id
 * @param merchantKey the merchant key
 * @param paymentType the {@code type} sent with every payment
 * @param mode how the buyer reaches {@code submit.php}
 * @param siteName the {@code sitename}, if configured
 */
record EpaySettings(
    URI gateway,
    String pid,
    String merchantKey,
    String paymentType,
    PageMode mode,
    Optional<String> siteName) {

  /**
   * The problems the schema cannot see, each naming its field: a gateway URL that is not a base
   * address, a guessable key.
   */
  static List<ConfigProblem> problems(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    config
        .find(GATEWAY_URL)
        .flatMap(EpaySettings::gatewayProblem)
        .ifPresent(p -> problems.add(new ConfigProblem(GATEWAY_URL, p)));
    MerchantKeyCheck.problem(config.find(MERCHANT_KEY).orElse(null), config.find(PID).orElse(""))
        .ifPresent(p -> problems.add(new ConfigProblem(MERCHANT_KEY, p)));
    config
        .find(MODE)
        .filter(mode -> PageMode.of(mode).isEmpty())
        .ifPresent(m -> problems.add(new ConfigProblem(MODE, "is not one of the offered choices")));
    return List.copyOf(problems);
  }

  /**
   * The settings of a configuration.
   *
   * @throws IllegalArgumentException if the configuration breaks the schema or has {@linkplain
   *     #problems problems}
   */
  static EpaySettings from(PluginConfig config) {
    Map<String, String> values = new HashMap<>();
    config.names().forEach(name -> values.put(name, config.string(name)));
    List<ConfigProblem> problems = new ArrayList<>(EpayConfigSchema.SCHEMA.problems(values));
    problems.addAll(problems(config));
    if (!problems.isEmpty()) {
      // field names only: a message could otherwise hint at a secret
      throw new IllegalArgumentException(
          "unusable EPay configuration, check: "
              + problems.stream().map(ConfigProblem::field).distinct().toList());
    }
    String base = config.url(GATEWAY_URL).toString();
    return new EpaySettings(
        URI.create(base.endsWith("/") ? base : base + "/"),
        config.string(PID),
        config.string(MERCHANT_KEY),
        config.string(PAYMENT_TYPE),
        config.find(MODE).flatMap(PageMode::of).orElse(PageMode.SUBMIT),
        config.find(SITE_NAME).map(String::strip));
  }

  /** The gateway script {@code name} under the base URL, for example {@code submit.php}. */
  URI endpoint(String name) {
    return gateway.resolve(name);
  }

  private static Optional<String> gatewayProblem(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid url");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain a user name or password");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("enter the gateway's base address without ?… or #…");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (path.endsWith(".php")) {
      // admins often paste the submit.php address the gateway's docs show
      return Optional.of("enter the base address only, without submit.php or mapi.php");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "EpaySettings[gateway=" + gateway + ", pid=" + pid + ", type=" + paymentType + "]";
  }
}
