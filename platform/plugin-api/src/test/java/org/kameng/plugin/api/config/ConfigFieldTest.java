package org.kameng.plugin.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.LocalizedText;

class ConfigFieldTest {

  private static final LocalizedText LABEL = LocalizedText.of("标签", "Label");

  @Test
  void secretTypeIsAlwaysSecretAndOtherTextTypesMayBe() {
    assertTrue(ConfigField.of("merchantKey", FieldType.SECRET, LABEL).secret());
    assertTrue(ConfigField.of("privateKey", FieldType.TEXT, LABEL).asSecret().secret());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("retries", FieldType.INTEGER, LABEL).asSecret());
  }

  @Test
  void namesAreStableIdentifiers() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("merchant-key", FieldType.STRING, LABEL));
    assertThrows(
        IllegalArgumentException.class, () -> ConfigField.of("1key", FieldType.STRING, LABEL));
  }

  @Test
  void enumFieldsAndOnlyThemHaveDistinctOptions() {
    EnumOption alipay = EnumOption.of("alipay", "支付宝", "Alipay");
    assertEquals(1, ConfigField.choice("type", LABEL, alipay).options().size());
    assertThrows(IllegalArgumentException.class, () -> ConfigField.choice("type", LABEL));
    assertThrows(
        IllegalArgumentException.class, () -> ConfigField.choice("type", LABEL, alipay, alipay));
    assertThrows(
        IllegalArgumentException.class, () -> ConfigField.of("type", FieldType.ENUM, LABEL));
  }

  @Test
  void patternsMustCompileAndOnlyTextTakesThem() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("pid", FieldType.STRING, LABEL).withPattern("[0-9"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("on", FieldType.BOOLEAN, LABEL).withPattern("true"));
  }

  @Test
  void defaultsMustBeValidAndSecretsHaveNone() {
    assertEquals(
        Optional.of("30"),
        ConfigField.of("timeout", FieldType.INTEGER, LABEL).withDefault("30").defaultValue());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("timeout", FieldType.INTEGER, LABEL).withDefault("thirty"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConfigField.of("merchantKey", FieldType.SECRET, LABEL).withDefault("123456"));
  }

  @Test
  void valuesAreCheckedAgainstTheTypeWithoutRepeatingThem() {
    ConfigField url = ConfigField.of("gateway", FieldType.URL, LABEL);
    assertFalse(url.problemWith("https://pay.example.cn/").isPresent());
    assertTrue(url.problemWith("file:///etc/passwd").isPresent());
    assertTrue(url.problemWith("javascript:alert(1)").isPresent());
    ConfigField money = ConfigField.of("minimum", FieldType.MONEY, LABEL);
    assertFalse(money.problemWith("10.00 CNY").isPresent());
    assertTrue(money.problemWith("10.001 CNY").isPresent());
    assertTrue(money.problemWith("10.00").isPresent());
    ConfigField key =
        ConfigField.of("merchantKey", FieldType.SECRET, LABEL).withPattern("[a-z]{8}");
    String problem = key.problemWith("s3cret-VALUE").orElseThrow();
    assertFalse(problem.contains("s3cret"), problem);
    assertTrue(key.problemWith("two\nlines").isPresent());
  }

  @Test
  void blankIsMissingAndOnlyAProblemWhenRequired() {
    ConfigField field = ConfigField.of("param", FieldType.STRING, LABEL);
    assertEquals(Optional.of("a value is required"), field.problemWith(" "));
    assertEquals(Optional.empty(), field.optional().problemWith(""));
  }
}
