package org.kameng.host.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kameng.plugin.api.ApiVersion;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginClassLoader;

/** Loads real plugin archives, built in a temporary folder, through the host. */
class PluginHostTest {

  @TempDir Path scratch;

  private Path folder() throws IOException {
    return Files.createDirectories(scratch.resolve("plugins"));
  }

  private static PluginArchive good(String id) {
    return PluginArchive.paymentPlugin(id, id, "");
  }

  @Test
  void goodPluginsFactoryIsFoundInItsOwnClassLoaderAndSeesTheHostsApi() throws IOException {
    Path folder = folder();
    good("payment-acme").version("1.2.3").writeZip(folder);

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of(), host.failures());
      LoadedFactory<PaymentChannelFactory> loaded = host.paymentChannels().get(0);
      assertEquals(1, host.paymentChannels().size());
      assertEquals("payment-acme", loaded.pluginId());
      assertEquals("1.2.3", loaded.pluginVersion());
      assertEquals("payment-acme", loaded.factory().id());
      assertEquals(1, host.plugins().size());
      assertEquals("payment-acme", host.plugins().get(0).pluginId());
      assertEquals("1.2.3", host.plugins().get(0).version());
      assertTrue(host.plugins().get(0).source().getFileName().toString().endsWith(".zip"));
      ClassLoader plugin = loaded.factory().getClass().getClassLoader();
      assertInstanceOf(ApiFirstClassLoader.class, plugin);
      assertSame(PaymentChannelFactory.class, apiAsSeenBy(plugin));
    }
  }

  @Test
  void pluginBundlingItsOwnCopyOfTheApiStillGetsTheHostsApi() throws Exception {
    Path folder = folder();
    Path plugin = good("payment-careless").bundlingTheApi().writeDirectory(folder);
    // The control: plugin-first, as PF4J does by default, really finds the bundled copy.
    try (PluginClassLoader pluginFirst =
        new PluginClassLoader(
            null,
            new DefaultPluginDescriptor(),
            getClass().getClassLoader(),
            ClassLoadingStrategy.PDA)) {
      pluginFirst.addFile(plugin.resolve("lib/kameng-plugin-api.jar").toFile());
      assertNotSame(PaymentChannelFactory.class, apiAsSeenBy(pluginFirst));
    }

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of(), host.failures());
      PaymentChannelFactory factory = host.paymentChannels().get(0).factory();
      assertSame(PaymentChannelFactory.class, apiAsSeenBy(factory.getClass().getClassLoader()));
    }
  }

  @Test
  void pluginRequiringAnotherApiIsRefusedNamingBothVersionsWhileOthersLoad() throws IOException {
    Path folder = folder();
    good("payment-future").requires("0.3.0").writeZip(folder);
    good("payment-ranged").requires(">=1.0.0 & <2.0.0").writeDirectory(folder);
    good("payment-unbounded").requires(null).writeDirectory(folder);
    good("payment-good").requires(">=0.2.0 & <0.3.0").writeZip(folder);

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of("payment-good"), ids(host));
      assertEquals(3, host.failures().size(), host.failures()::toString);
      LoadFailure future = failureOf(host, "payment-future");
      assertEquals(folder.resolve("payment-future.zip"), future.source());
      assertEquals(
          "plugin payment-future 1.0.0 requires plugin API 0.3.0, but this host provides plugin"
              + " API "
              + ApiVersion.CURRENT,
          future.reason());
      assertTrue(
          failureOf(host, "payment-ranged").reason().contains(">=1.0.0 & <2.0.0"),
          host.failures()::toString);
      assertTrue(
          failureOf(host, "payment-unbounded").reason().contains("declares no plugin.requires"));
    }
  }

  @Test
  void brokenPluginsAreReportedAndDoNotAffectOthers() throws IOException {
    Path folder = folder();
    PluginArchive.paymentPlugin(
            "payment-throws", "payment-throws", "throw new IllegalStateException(\"no key\");")
        .writeZip(folder);
    PluginArchive.plugin("payment-missing")
        .service(PaymentChannelFactory.class.getName(), "test.Nowhere")
        .writeDirectory(folder);
    good("payment-badstart")
        .source(
            "test.Boom",
            TestSources.pluginClass("Boom", "throw new IllegalStateException(\"boom\");"))
        .pluginClass("test.Boom")
        .writeDirectory(folder);
    good("payment-noclass").pluginClass("test.Absent").writeDirectory(folder);
    Files.writeString(folder.resolve("payment-corrupt.zip"), "not a zip at all");
    Files.write(folder.resolve("payment-truncated.zip"), new byte[] {'P', 'K', 3, 4, 20, 0});
    good("payment-good").writeDirectory(folder);

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of("payment-good"), ids(host));
      assertTrue(
          failureOf(host, "payment-throws").reason().contains("IllegalStateException: no key"),
          host.failures()::toString);
      assertTrue(failureOf(host, "payment-missing").reason().contains("test.Nowhere"));
      assertTrue(failureOf(host, "payment-badstart").reason().contains("boom"));
      assertTrue(failureOf(host, "payment-noclass").reason().contains("test.Absent"));
      for (String zip : List.of("payment-corrupt.zip", "payment-truncated.zip")) {
        assertTrue(
            host.failures().stream()
                .anyMatch(
                    f ->
                        f.source().equals(folder.resolve(zip))
                            && f.reason().startsWith("cannot unpack the zip")),
            host.failures()::toString);
      }
      assertEquals(6, host.failures().size(), host.failures()::toString);
    }
  }

  @Test
  void factoryOutsideThePluginsNamespaceOrWithATakenIdIsRefused() throws IOException {
    Path folder = folder();
    good("payment-first").writeDirectory(folder);
    PluginArchive.paymentPlugin("payment-second", "payment-first", "").writeDirectory(folder);
    PluginArchive.paymentPlugin("payment-third", "payment-other", "").writeDirectory(folder);
    PluginArchive.paymentPlugin("payment-fourth", "notifier-fourth", "").writeDirectory(folder);
    PluginArchive.paymentPlugin("payment-fifth", "payment-fifth-cn", "").writeDirectory(folder);

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of("payment-fifth", "payment-first"), ids(host));
      assertTrue(
          failureOf(host, "payment-second").reason().contains("outside the plugin's namespace"));
      assertTrue(
          failureOf(host, "payment-third").reason().contains("outside the plugin's namespace"));
      assertTrue(failureOf(host, "payment-fourth").reason().contains("not of kind payment"));
    }
  }

  @Test
  void duplicateFactoryIdAcrossPluginsIsRefused() throws IOException {
    Path folder = folder();
    PluginArchive.paymentPlugin("payment-acme", "payment-acme-cn", "").writeDirectory(folder);
    PluginArchive.paymentPlugin("payment-acme-cn", "payment-acme-cn", "").writeDirectory(folder);

    try (PluginHost host = PluginHost.open(folder)) {
      assertEquals(List.of("payment-acme"), ids(host));
      assertEquals(
          "PaymentChannelFactory id 'payment-acme-cn' is already taken by plugin payment-acme",
          failureOf(host, "payment-acme-cn").reason());
    }
  }

  @Test
  void closeUnloadsThePluginsAndClosesTheirClassLoaders() throws IOException {
    Path folder = folder();
    good("payment-acme").writeZip(folder);
    PluginHost host = PluginHost.open(folder);
    ClassLoader plugin = host.paymentChannels().get(0).factory().getClass().getClassLoader();

    host.close();

    assertEquals(List.of(), host.paymentChannels());
    assertTrue(((PluginClassLoader) plugin).isClosed());
  }

  private static Class<?> apiAsSeenBy(ClassLoader plugin) {
    try {
      return plugin.loadClass(PaymentChannelFactory.class.getName());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> ids(PluginHost host) {
    return host.paymentChannels().stream().map(LoadedFactory::pluginId).sorted().toList();
  }

  private static LoadFailure failureOf(PluginHost host, String pluginId) {
    return host.failures().stream()
        .filter(f -> f.pluginId().equals(Optional.of(pluginId)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no failure for " + pluginId + ": " + host.failures()));
  }
}
