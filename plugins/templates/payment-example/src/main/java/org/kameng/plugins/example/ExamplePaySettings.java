package org.kameng.plugins.example;

import static org.kameng.plugins.example.ExamplePayChannelFactory.GATEWAY_URL;
import static org.kameng.plugins.example.ExamplePayChannelFactory.MERCHANT_ID;
import static org.kameng.plugins.example.ExamplePayChannelFactory.SECRET_KEY;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.PluginConfig;

/**
 * One shop's Example Pay settings, checked and parsed once per channel. Immutable.
 *
 * @param gateway the provider's base URL, ending in {@code /}
 * @param merchantId the shop's merchant id at Example Pay
 * @param key the shop's secret key
 */
record ExamplePaySettings(URI gateway, String merchantId, MerchantKey key) {

  /**
   * What is wrong with a shop's settings, beyond the schema's checks (which the host ran first).
   */
  static List<ConfigProblem> problems(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    config
        .find(GATEWAY_URL)
        .filter(url -> !url.startsWith("https://"))
        // the secret key signs the redirect: it must not cross the network in the clear
        .ifPresent(url -> problems.add(new ConfigProblem(GATEWAY_URL, "must start with https://")));
    MerchantKey.problem(config.find(SECRET_KEY).orElse(null))
        .ifPresent(problem -> problems.add(new ConfigProblem(SECRET_KEY, problem)));
    return List.copyOf(problems);
  }

  /**
   * The settings of a configuration the host validated.
   *
   * @throws IllegalArgumentException naming the fields at fault, never their values
   */
  static ExamplePaySettings from(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>(problems(config));
    for (String required : List.of(GATEWAY_URL, MERCHANT_ID)) {
      if (config.find(required).isEmpty()) {
        problems.add(new ConfigProblem(required, "is required"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "unusable Example Pay configuration, check: "
              + problems.stream().map(ConfigProblem::field).collect(Collectors.joining(", ")));
    }
    String base = config.url(GATEWAY_URL).toString();
    return new ExamplePaySettings(
        URI.create(base.endsWith("/") ? base : base + "/"),
        config.string(MERCHANT_ID),
        new MerchantKey(config.string(SECRET_KEY)));
  }

  @Override
  public String toString() {
    // the key's own toString hides it; say so explicitly anyway, this text reaches logs
    return "ExamplePaySettings[" + gateway + ", merchant " + merchantId + ", key hidden]";
  }
}
