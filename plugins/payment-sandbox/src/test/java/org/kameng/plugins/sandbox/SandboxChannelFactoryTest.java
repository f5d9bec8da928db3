package org.kameng.plugins.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.PluginKind;
import org.kameng.plugin.api.payment.HostedPages;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.testkit.ContractHost;

class SandboxChannelFactoryTest {

  private final SandboxChannelFactory factory = new SandboxChannelFactory();

  /** The problems as the host finds them: the schema first, the plugin's checks if it passes. */
  private List<ConfigProblem> problems(String secret) {
    Map<String, String> values = new HashMap<>();
    values.put("signingSecret", secret);
    List<ConfigProblem> schema = factory.configSchema().problems(values);
    return schema.isEmpty() ? factory.validate(PluginConfig.of(values)) : schema;
  }

  @Test
  void describesItselfAsATestOnlySandboxThatQueriesAndRefunds() {
    assertEquals("payment-sandbox", factory.id());
    assertEquals(PluginKind.PAYMENT, factory.descriptor().kind());
    assertEquals("沙箱支付（仅供测试）", factory.descriptor().name().zhCn());
    assertEquals("Sandbox payments (test only)", factory.descriptor().name().en());
    assertTrue(factory.descriptor().offers(Capability.PAYMENT_QUERY));
    assertTrue(factory.descriptor().offers(Capability.PAYMENT_REFUND));
  }

  @Test
  void asksForOneRequiredSecretLabelledInBothLanguages() {
    List<ConfigField> fields = factory.configSchema().fields();
    assertEquals(2, fields.size());
    ConfigField notifies = fields.get(1);
    assertEquals("notifies", notifies.name());
    assertFalse(notifies.required());
    assertEquals("send", notifies.defaultValue().orElseThrow());
    ConfigField secret = fields.get(0);
    assertEquals("signingSecret", secret.name());
    assertEquals(FieldType.SECRET, secret.type());
    assertTrue(secret.required() && secret.secret());
    assertTrue(secret.label().zhCn().contains("密钥"));
    assertTrue(secret.label().en().contains("secret"));
  }

  @Test
  void aGeneratedSecretHasNoProblems() {
    assertEquals(List.of(), problems(TestShop.SECRET));
    // openssl rand -hex 32: 64 hex digits
    assertEquals(
        List.of(), problems("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    assertEquals(List.of(), problems("x".repeat(30) + "!\"#$%&'()*+,-./ ~" + "y".repeat(81)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "short",
        "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6e", // 31 characters
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "abababababababababababababababab",
        "abcdabcdabcdabcdabcdabcdabcdabcd",
        " Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU",
        "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU\t",
        "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eU密钥",
        "Xq8hT2mVw5NcR9bLk3PzJ7dYs4FgA6eUé",
        "12345678901234567890123456789012", // a digit run
        "abcdefghijklmnopqrstuvwxyzabcdef", // an alphabet run
        "QWERTYUIOPASDFGHJKLZXCVBNMQWERTY", // a keyboard run
        "E10ADC3949BA59ABBE56E057F20F883E", // md5("123456"), pasted in upper case
        "Kq7vR2xN9pLmKq7vR2xN9pLmKq7vR2xN9pLm" // one block of twelve, three times
      })
  void aMissingShortTypedOrNonAsciiSecretIsRefusedNamingTheField(String secret) {
    List<ConfigProblem> problems = problems(secret);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("signingSecret", problems.get(0).field());
    if (!secret.isBlank()) {
      assertFalse(problems.get(0).message().contains(secret.strip()), "repeats the secret");
    }
  }

  @Test
  void aSecretLongerThan128CharactersIsRefused() {
    // openssl rand -hex 64
    String longest =
        "3c9ba452bd2b1110d7fc11e409ed6e20f8f2aa061b13a10101ab07b3cb98bbe3"
            + "ac9e3647e5c4878c1a54ed8ef796628010eaadc96b2be756a63f99420836ac7f";
    assertEquals(128, longest.length());
    assertEquals(List.of(), problems(longest));
    List<ConfigProblem> problems = problems(longest + "Z");
    assertEquals("signingSecret", problems.get(0).field());
    assertTrue(problems.get(0).message().contains("32 to 128"), problems.get(0).message());
  }

  @Test
  void theMessagesSayWhatIsWrong() {
    assertTrue(problems("short-but-varied-123").get(0).message().contains("32 to 128"));
    assertTrue(problems("a".repeat(40)).get(0).message().contains("too few different"));
    assertTrue(problems(TestShop.SECRET + "é").get(0).message().contains("printable ASCII"));
    assertTrue(problems("0123456789abcdef0123456789abcdef").get(0).message().contains("pattern"));
  }

  @Test
  void createRefusesASecretThatSlippedPastValidation() {
    for (Map<String, String> values :
        List.of(Map.<String, String>of(), Map.of("signingSecret", "a".repeat(40)))) {
      PluginConfig config = PluginConfig.of(values);
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> factory.create(ContractHost.TENANT_A, config, TestShop.host(config)));
      assertTrue(refused.getMessage().contains("signingSecret"));
      assertFalse(refused.getMessage().contains("aaaa"));
    }
  }

  @Test
  void theChannelServesPages() {
    assertInstanceOf(HostedPages.class, TestShop.channel(TestShop.host()));
  }

  @Test
  void theHostFindsTheFactoryThroughTheServiceFile() {
    List<PaymentChannelFactory> found =
        ServiceLoader.load(PaymentChannelFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    assertEquals(1, found.size());
    assertInstanceOf(SandboxChannelFactory.class, found.get(0));
  }

  @Test
  void thePluginDescriptorIsAsciiAndNamesThisPlugin() throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of("src/plugin/plugin.properties"));
    for (byte b : bytes) {
      assertTrue(b >= 0, "plugin.properties must stay ASCII: PF4J reads it as ISO-8859-1");
    }
    Properties properties = new Properties();
    properties.load(new java.io.StringReader(new String(bytes, StandardCharsets.US_ASCII)));
    assertEquals(SandboxChannelFactory.ID, properties.getProperty("plugin.id"));
    assertEquals("${kameng.plugin-api.version}", properties.getProperty("plugin.requires"));
  }
}
