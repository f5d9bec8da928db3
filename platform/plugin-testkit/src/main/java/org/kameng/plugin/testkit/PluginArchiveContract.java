package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kameng.host.plugins.LoadedFactory;
import org.kameng.host.plugins.PluginHost;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.ExtensionFactory;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.marketing.OrderEventListenerFactory;
import org.kameng.plugin.api.marketing.PriceRuleFactory;
import org.kameng.plugin.api.notifier.NotifierFactory;
import org.kameng.plugin.api.payment.PaymentChannelFactory;
import org.kameng.plugin.api.supplier.SupplierConnectorFactory;
import org.pf4j.PluginClassLoader;

/**
 * The contract of a built plugin archive: it loads in the real {@link PluginHost} as the server
 * loads it, brings the factories it promises, keeps the plugin API out of its archive and describes
 * itself properly. Extend it in an integration test ({@code *ArchiveIT}) that maven-failsafe runs
 * after {@code package} built {@code target/*-plugin.zip}.
 *
 * <p>The unit tests of a plugin run its classes from the test class path, where a bundled API or a
 * missing service file cannot show; only the archive, loaded by the host's class loaders, proves
 * that the shops will get what the tests tested.
 *
 * <p>The expected version is read from the system property {@value #VERSION_PROPERTY}, which the
 * plugin's failsafe configuration sets to {@code ${project.version}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PluginArchiveContract {

  /** The system property naming the version the archive must declare. */
  public static final String VERSION_PROPERTY = "kameng.plugin.version";

  /** The extension points of the plugin API, each with the kind its factory ids name. */
  private static final List<Class<? extends ExtensionFactory<?>>> POINTS =
      List.of(
          PaymentChannelFactory.class,
          SupplierConnectorFactory.class,
          PriceRuleFactory.class,
          OrderEventListenerFactory.class,
          NotifierFactory.class);

  /** API types a plugin's classes use; each must resolve to the host's copy. */
  private static final List<Class<?>> API_TYPES =
      List.of(
          ExtensionFactory.class,
          HostContext.class,
          PluginConfig.class,
          Money.class,
          InboundRequest.class);

  private Path folder;
  private PluginHost host;

  /**
   * The id the archive's {@code plugin.properties} must declare, for example {@code payment-epay}.
   */
  protected abstract String pluginId();

  /**
   * The factory ids the plugin must bring, by extension point; every point left out must have none.
   * For example {@code Map.of(PaymentChannelFactory.class, Set.of("payment-epay"))}.
   */
  protected abstract Map<Class<? extends ExtensionFactory<?>>, Set<String>> expectedFactories();

  /**
   * Valid configurations by factory id, with which the loaded factories must create their
   * extensions inside the plugin's class loader (where a library missing from {@code lib/} shows).
   * None by default, which skips that test.
   */
  protected Map<String, PluginConfig> workingConfigs() {
    return Map.of();
  }

  /** The archive under test: by default the one {@code target/*-plugin.zip} of the module. */
  protected Path archive() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> zips =
          files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).sorted().toList();
      if (zips.size() != 1) {
        fail(
            "expected exactly one target/*-plugin.zip, found "
                + zips
                + "; run this test with failsafe after package, or override archive()");
      }
      return zips.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list target/; build the plugin first", e);
    }
  }

  /** The version the archive must declare; {@value #VERSION_PROPERTY} by default. */
  protected String expectedVersion() {
    String version = System.getProperty(VERSION_PROPERTY);
    if (version == null || version.isBlank()) {
      fail(
          "set the system property "
              + VERSION_PROPERTY
              + " to ${project.version} in the plugin's failsafe configuration");
    }
    return version;
  }

  @BeforeAll
  final void loadTheArchiveAsTheServerDoes() throws IOException {
    // a copy: the host unpacks zips beside themselves, which must not touch the build's output
    folder = Files.createTempDirectory("kameng-plugins-");
    Path archive = archive();
    Files.copy(archive, folder.resolve(archive.getFileName()));
    host = PluginHost.open(folder);
  }

  @AfterAll
  final void unloadAndDelete() throws IOException {
    if (host != null) {
      host.close();
    }
    if (folder != null) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Test
  void theArchiveLoadsWithoutFailures() {
    assertEquals(List.of(), host.failures().stream().map(String::valueOf).toList());
  }

  @Test
  void theArchiveDeclaresItsIdVersionAndRequiredApi() throws IOException {
    Properties descriptor = ArchiveEntries.descriptor(archive());
    assertEquals(pluginId(), descriptor.getProperty("plugin.id"), "plugin.id");
    assertEquals(expectedVersion(), descriptor.getProperty("plugin.version"), "plugin.version");
    assertNotNull(descriptor.getProperty("plugin.requires"), "plugin.requires");
    List<LoadedFactory<?>> loaded = loaded();
    assertFalse(loaded.isEmpty(), "the host found no factory in the archive");
    for (LoadedFactory<?> factory : loaded) {
      assertEquals(pluginId(), factory.pluginId(), "the plugin the host filed it under");
      assertEquals(expectedVersion(), factory.pluginVersion(), "the version the host read");
    }
  }

  @Test
  void exactlyTheExpectedFactoriesAreFound() {
    for (Class<? extends ExtensionFactory<?>> point : POINTS) {
      Set<String> found =
          host.factories(point).stream()
              .map(loaded -> loaded.factory().id())
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(
          new TreeSet<>(expectedFactories().getOrDefault(point, Set.of())),
          found,
          point.getSimpleName() + " ids");
    }
  }

  @Test
  void factoriesComeFromThePluginAndTheApiFromTheHost() throws ClassNotFoundException {
    ClassLoader hostLoader = PaymentChannelFactory.class.getClassLoader();
    for (LoadedFactory<?> loaded : loaded()) {
      Class<?> type = loaded.factory().getClass();
      ClassLoader plugin = type.getClassLoader();
      // the test's own class path holds the plugin's classes too: only the plugin's loader counts
      assertInstanceOf(PluginClassLoader.class, plugin, type + " was not loaded from the archive");
      assertNotSame(hostLoader, plugin, type + " came from the host's class path");
      for (Class<?> api : apiTypes()) {
        assertSame(
            api,
            Class.forName(api.getName(), false, plugin),
            api.getName()
                + " as the plugin sees it is not the host's: the archive bundles the API");
      }
    }
  }

  @Test
  void theArchiveBundlesNeitherThePluginApiNorPf4jNorTestLibraries() throws IOException {
    List<String> offending = ArchiveEntries.bundledPlatformClasses(archive());
    assertEquals(List.of(), offending, "the host provides these; bundling them breaks loading");
  }

  @Test
  void descriptorsAndSchemasAreSane() {
    for (LoadedFactory<?> loaded : loaded()) {
      List<String> problems = Descriptors.problems(pluginId(), loaded.factory());
      assertEquals(List.of(), problems, loaded.factory().id());
    }
  }

  @Test
  void factoriesCreateTheirExtensionsInsideThePlugin() {
    assumeFalse(workingConfigs().isEmpty(), "no working configurations given");
    for (Map.Entry<String, PluginConfig> entry : workingConfigs().entrySet()) {
      ExtensionFactory<?> factory = factory(entry.getKey());
      PluginConfig config = entry.getValue();
      assertEquals(
          List.of(),
          HostValidation.problems(factory, HostValidation.values(config)),
          entry.getKey() + ": the working configuration is not valid");
      Object extension =
          factory.create(
              ContractHost.TENANT_A,
              config,
              new ContractHost(ContractHost.TENANT_A, factory.id(), config));
      assertNotNull(extension, entry.getKey() + " created nothing");
      assertSame(
          factory.getClass().getClassLoader(),
          extension.getClass().getClassLoader(),
          entry.getKey() + ": the extension's class is not the plugin's");
    }
  }

  /** The API types the class loader check covers: the extension points and common value types. */
  private static List<Class<?>> apiTypes() {
    List<Class<?>> types = new ArrayList<>(POINTS);
    types.addAll(API_TYPES);
    return types;
  }

  private List<LoadedFactory<?>> loaded() {
    List<LoadedFactory<?>> all = new ArrayList<>();
    POINTS.forEach(point -> all.addAll(host.factories(point)));
    return all;
  }

  private ExtensionFactory<?> factory(String id) {
    return loaded().stream()
        .map(LoadedFactory::factory)
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no loaded factory has the id " + id));
  }
}
