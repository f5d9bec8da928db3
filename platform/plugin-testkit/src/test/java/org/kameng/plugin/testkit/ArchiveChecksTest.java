package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.Capability;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;

/** The archive contract's checks on their own, against archives and factories made to fail them. */
class ArchiveChecksTest {

  @TempDir Path scratch;

  @Test
  void findsTheApiBundledAsAJarAsClassesOrShadedIntoALibrary() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("plugin.properties", "plugin.id=payment-acme\n".getBytes(StandardCharsets.UTF_8));
    entries.put("classes/org/acme/AcmeFactory.class", new byte[] {1});
    entries.put("classes/org/kameng/plugin/api/Money.class", new byte[] {1});
    entries.put("lib/kameng-plugin-api-0.1.0.jar", jar("org/kameng/plugin/api/Money.class"));
    entries.put("lib/fat-sdk-2.0.jar", jar("com/sdk/Client.class", "org/pf4j/Plugin.class"));
    entries.put("lib/gson-2.11.0.jar", jar("com/google/gson/Gson.class"));
    entries.put("lib/junit-jupiter-api-5.14.0.jar", jar("org/junit/jupiter/api/Test.class"));
    Path archive = zip(entries);

    assertEquals(
        List.of(
            "classes/org/kameng/plugin/api/Money.class",
            "lib/kameng-plugin-api-0.1.0.jar",
            "lib/fat-sdk-2.0.jar!/org/pf4j/Plugin.class",
            "lib/junit-jupiter-api-5.14.0.jar"),
        ArchiveEntries.bundledPlatformClasses(archive));
    assertEquals("payment-acme", ArchiveEntries.descriptor(archive).getProperty("plugin.id"));
  }

  @Test
  void aSoundFactoryHasNoProblems() {
    assertEquals(
        List.of(),
        Descriptors.problems(
            "notifier-acme",
            new Factory(
                LocalizedText.of("短信通知", "SMS"),
                ConfigField.of("apiKey", FieldType.SECRET, LocalizedText.of("密钥", "API key")))));
  }

  @Test
  void reportsEnglishInZhCnAnUnmarkedSecretAndAOneLineSecretString() {
    List<String> problems =
        Descriptors.problems(
            "notifier-acme",
            new Factory(
                LocalizedText.of("SMS", "SMS"),
                ConfigField.of("apiKey", FieldType.STRING, LocalizedText.of("密钥", "API key")),
                ConfigField.of("token", FieldType.STRING, LocalizedText.of("令牌", "Token"))
                    .asSecret(),
                ConfigField.of("publicKey", FieldType.TEXT, LocalizedText.of("公钥", "Public key"))));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("the name has no Chinese"), problems.get(0));
    assertTrue(problems.get(1).startsWith("apiKey looks like a secret"), problems.get(1));
    assertTrue(problems.get(2).startsWith("token is secret but of type STRING"), problems.get(2));
  }

  @Test
  void reportsAnIdOutsideThePluginAMissingIconAndAForeignCapability() {
    Factory factory =
        new Factory(
            LocalizedText.of("短信通知", "SMS"),
            ConfigField.of("sender", FieldType.STRING, LocalizedText.of("发送方", "Sender")));
    factory.descriptor =
        factory.descriptor.withIcon("/icons/none.svg").withCapabilities(Capability.PAYMENT_REFUND);
    List<String> problems = Descriptors.problems("notifier-other", factory);
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("outside the plugin's namespace"), problems.get(0));
    assertTrue(problems.get(1).contains("/icons/none.svg is not in the archive"), problems.get(1));
    assertTrue(problems.get(2).startsWith("PAYMENT_REFUND is not a capability"), problems.get(2));
  }

  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path archive = scratch.resolve("acme-plugin.zip");
    try (OutputStream out = Files.newOutputStream(archive)) {
      out.write(zipped(entries));
    }
    return archive;
  }

  private static byte[] jar(String... classes) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String name : classes) {
      entries.put(name, new byte[] {1});
    }
    return zipped(entries);
  }

  private static byte[] zipped(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A notifier factory whose descriptor and schema the tests choose. */
  private static final class Factory implements NotifierFactory {
    PluginDescriptor descriptor;
    private final ConfigSchema schema;

    Factory(LocalizedText name, ConfigField... fields) {
      this.descriptor = PluginDescriptor.of("notifier-acme", name);
      this.schema = ConfigSchema.of(fields);
    }

    @Override
    public PluginDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public ConfigSchema configSchema() {
      return schema;
    }

    @Override
    public Notifier create(TenantId tenant, PluginConfig config, HostContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
