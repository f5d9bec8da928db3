package org.kameng.plugin.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.LocalizedText;

class ConfigSchemaTest {

  private static final ConfigSchema EPAY =
      ConfigSchema.of(
          ConfigField.of("gateway", FieldType.URL, LocalizedText.of("网关", "Gateway")),
          ConfigField.of("pid", FieldType.STRING, LocalizedText.of("商户号", "Merchant id"))
              .withPattern("[0-9]{1,10}"),
          ConfigField.of("merchantKey", FieldType.SECRET, LocalizedText.of("密钥", "Key")),
          ConfigField.of("sandbox", FieldType.BOOLEAN, LocalizedText.of("沙箱", "Sandbox"))
              .optional());

  @Test
  void fieldNamesAreUnique() {
    ConfigField pid = ConfigField.of("pid", FieldType.STRING, LocalizedText.of("商户号", "Id"));
    assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(pid, pid));
  }

  @Test
  void reportsMissingMalformedAndUnknownFieldsInOrder() {
    List<ConfigProblem> problems =
        EPAY.problems(Map.of("gateway", "ftp://x", "pid", "abc", "sandbox", "yes", "extra", "1"));
    assertEquals(
        List.of("gateway", "pid", "merchantKey", "sandbox", "extra"),
        problems.stream().map(ConfigProblem::field).toList());
  }

  @Test
  void completeValuesHaveNoProblems() {
    assertEquals(
        List.of(),
        EPAY.problems(
            Map.of("gateway", "https://pay.example.cn", "pid", "1001", "merchantKey", "k")));
  }
}
