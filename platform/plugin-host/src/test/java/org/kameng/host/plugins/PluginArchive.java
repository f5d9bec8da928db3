package org.kameng.host.plugins;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.kameng.plugin.api.ApiVersion;

/**
 * Builds a real PF4J plugin at test time: sources compiled with the JDK's compiler against the
 * plugin API, {@code plugin.properties}, service files, in the directory or the zip layout.
 */
final class PluginArchive {

  private final String id;
  private String version = "1.0.0";
  private String requires = ApiVersion.CURRENT.toString();
  private String pluginClass;
  private boolean bundlesApi;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();

  private PluginArchive(String id) {
    this.id = id;
  }

  static PluginArchive plugin(String id) {
    return new PluginArchive(id);
  }

  /** A plugin with one payment channel factory {@code test.<Name>} whose id is {@code id}. */
  static PluginArchive paymentPlugin(String id, String factoryId, String constructorBody) {
    String name = "Factory" + Math.abs(id.hashCode());
    return plugin(id)
        .source("test." + name, TestSources.paymentFactory(name, factoryId, constructorBody))
        .service("org.kameng.plugin.api.payment.PaymentChannelFactory", "test." + name);
  }

  PluginArchive requires(String range) {
    this.requires = range;
    return this;
  }

  PluginArchive version(String version) {
    this.version = version;
    return this;
  }

  PluginArchive pluginClass(String className) {
    this.pluginClass = className;
    return this;
  }

  PluginArchive source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  PluginArchive service(String point, String implementation) {
    services.computeIfAbsent(point, p -> new ArrayList<>()).add(implementation);
    return this;
  }

  /**
   * Puts a copy of the plugin API classes into the plugin's {@code lib/}, as a careless build
   * would.
   */
  PluginArchive bundlingTheApi() {
    this.bundlesApi = true;
    return this;
  }

  /** Writes the directory layout as {@code folder/<id>/}. */
  Path writeDirectory(Path folder) throws IOException {
    Path root = folder.resolve(id);
    Path classes = Files.createDirectories(root.resolve("classes"));
    compile(classes);
    for (Map.Entry<String, List<String>> service : services.entrySet()) {
      Path file = classes.resolve("META-INF/services/" + service.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, service.getValue(), UTF_8);
    }
    if (bundlesApi) {
      Path lib = Files.createDirectories(root.resolve("lib"));
      zip(apiLocation(), lib.resolve("kameng-plugin-api.jar"));
    }
    List<String> properties =
        new ArrayList<>(List.of("plugin.id=" + id, "plugin.version=" + version));
    if (requires != null) {
      properties.add("plugin.requires=" + requires);
    }
    if (pluginClass != null) {
      properties.add("plugin.class=" + pluginClass);
    }
    Files.write(root.resolve("plugin.properties"), properties, UTF_8);
    return root;
  }

  /** Writes the zip layout as {@code folder/<id>.zip}, built in a scratch folder beside it. */
  Path writeZip(Path folder) throws IOException {
    Path scratch = Files.createTempDirectory(folder.getParent(), "build-");
    Path zip = folder.resolve(id + ".zip");
    zip(writeDirectory(scratch), zip);
    return zip;
  }

  /** The plugin API classes the test runs with: a directory in the reactor, else a jar. */
  static Path apiLocation() {
    try {
      return Path.of(ApiVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void compile(Path classes) {
    if (sources.isEmpty()) {
      return;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(name, code)));
    String classpath = System.getProperty("java.class.path") + File.pathSeparator + apiLocation();
    StringWriter diagnostics = new StringWriter();
    List<String> options = List.of("-classpath", classpath, "-d", classes.toString());
    if (!javac.getTask(diagnostics, null, null, options, null, units).call()) {
      throw new IllegalStateException("test plugin " + id + " does not compile:\n" + diagnostics);
    }
  }

  private static void zip(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.copy(from, to);
      return;
    }
    try (OutputStream out = Files.newOutputStream(to);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(from.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
