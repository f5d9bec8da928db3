package org.kameng.plugins.epay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginKind;

class EpayChannelFactoryTest {

  private final EpayChannelFactory factory = new EpayChannelFactory();

  private List<ConfigProblem> problems(Map<String, String> overrides) {
    PluginConfig config = TestMerchant.config(overrides);
    Map<String, String> values = new HashMap<>();
    config.names().forEach(name -> values.put(name, config.string(name)));
    // as the host does it: the schema first, the plugin's own checks only when the schema passes
    List<ConfigProblem> schema = factory.configSchema().problems(values);
    return schema.isEmpty() ? factory.validate(config) : schema;
  }

  private static List<String> fields(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::field).toList();
  }

  @Test
  void describesItselfAsThePaymentEpayChannel() {
    assertEquals("payment-epay", factory.id());
    assertEquals(PluginKind.PAYMENT, factory.descriptor().kind());
    assertEquals("易支付", factory.descriptor().name().zhCn());
    assertTrue(factory.descriptor().name().en().contains("EPay"));
  }

  @Test
  void asksForGatewayMerchantKeyTypeAndMode() {
    assertEquals(
        List.of("gatewayUrl", "pid", "merchantKey", "paymentType", "mode", "siteName"),
        factory.configSchema().fields().stream().map(ConfigField::name).toList());
    ConfigField key = factory.configSchema().field("merchantKey").orElseThrow();
    assertEquals(FieldType.SECRET, key.type());
    assertTrue(key.secret() && key.required());
    assertEquals(FieldType.URL, factory.configSchema().field("gatewayUrl").orElseThrow().type());
  }

  @Test
  void aSoundConfigurationHasNoProblems() {
    assertEquals(List.of(), problems(Map.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456",
        "short-key",
        "1234567890123456",
        "abcdefghijklmnop",
        "e10adc3949ba59abbe56e057f20f883e",
        "58b31d465652be856d7ed80977aa4ce4",
        "your_merchant_key_here_12345678",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "abababababababababababababababab",
        "TestKey-9f8e7d6c5b4a39281",
        " Kq7vR2xN9pLm4TsW8bYc3HdF6gJz5AeU"
      })
  void aGuessableMerchantKeyIsRefusedAndTheProblemNamesTheKeyField(String key) {
    List<ConfigProblem> problems = problems(Map.of("merchantKey", key));
    assertEquals(List.of("merchantKey"), fields(problems));
    assertFalse(problems.get(0).message().contains(key.strip()), "the message repeats the key");
  }

  @Test
  void anEmptyKeyIsMissing() {
    assertEquals(List.of("merchantKey"), fields(problems(Map.of("merchantKey", ""))));
    assertEquals(
        List.of("merchantKey"),
        fields(factory.validate(TestMerchant.config(Map.of("merchantKey", "")))));
  }

  @Test
  void aKeyEqualToThePidIsRefused() {
    String pid = "12345678901234567890";
    String key = "98765432109876543210";
    assertEquals(List.of(), problems(Map.of("pid", pid, "merchantKey", key)));
    assertEquals(List.of("merchantKey"), fields(problems(Map.of("pid", key, "merchantKey", key))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://pay.gateway.example/submit.php",
        "https://pay.gateway.example/?pid=1",
        "https://user:pw@pay.gateway.example/"
      })
  void aGatewayUrlThatIsNotABaseAddressNamesTheGatewayField(String url) {
    assertEquals(List.of("gatewayUrl"), fields(problems(Map.of("gatewayUrl", url))));
  }

  @Test
  void schemaProblemsNameTheirFields() {
    assertEquals(List.of("pid"), fields(problems(Map.of("pid", "10a1"))));
    assertEquals(List.of("paymentType"), fields(problems(Map.of("paymentType", "paypal"))));
    assertEquals(List.of("gatewayUrl"), fields(problems(Map.of("gatewayUrl", "ftp://x"))));
    assertEquals(List.of("mode"), fields(problems(Map.of("mode", "api"))));
  }

  @Test
  void createRefusesAConfigurationThatSlippedPastValidation() {
    PluginConfig weak = TestMerchant.config(Map.of("merchantKey", "123456"));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> factory.create(TestMerchant.TENANT, weak, TestMerchant.host(weak)));
    assertTrue(refused.getMessage().contains("merchantKey"));
    assertFalse(refused.getMessage().contains("123456"));
    PluginConfig noKey = TestMerchant.config(Map.of("merchantKey", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> factory.create(TestMerchant.TENANT, noKey, TestMerchant.host(noKey)));
  }

  @Test
  void theChannelNeverShowsItsKey() {
    assertFalse(TestMerchant.channel(Map.of()).toString().contains(TestMerchant.KEY));
  }
}
