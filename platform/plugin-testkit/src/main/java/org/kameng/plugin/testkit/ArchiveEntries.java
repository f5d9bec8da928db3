package org.kameng.plugin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * What a plugin archive contains, read straight from the zip, for {@link PluginArchiveContract}.
 */
final class ArchiveEntries {

  /**
   * Packages the platform provides to plugins, or that belong to tests. A copy inside an archive is
   * at best dead weight and at worst a second {@code PaymentChannelFactory} the host cannot see
   * (ADR 0006).
   */
  private static final List<String> PROVIDED =
      List.of(
          "org/kameng/plugin/api/",
          "org/kameng/host/",
          "org/kameng/plugin/testkit/",
          "org/pf4j/",
          "org/junit/",
          "org/opentest4j/");

  /** Jar names of the same, for a library that carries them under a shaded path. */
  private static final List<String> PROVIDED_JARS =
      List.of(
          "kameng-plugin-api",
          "kameng-plugin-host",
          "kameng-plugin-testkit",
          "pf4j-",
          "junit-",
          "opentest4j-");

  private ArchiveEntries() {}

  /** The archive's {@code plugin.properties}. */
  static Properties descriptor(Path archive) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry("plugin.properties");
      if (entry == null) {
        throw new AssertionError(archive + " has no plugin.properties at its root");
      }
      Properties properties = new Properties();
      try (InputStream in = zip.getInputStream(entry)) {
        // ISO-8859-1, as PF4J reads it
        properties.load(in);
      }
      return properties;
    }
  }

  /**
   * Every place the archive carries platform or test classes: {@code classes/} entries in a
   * provided package, {@code lib/} jars named after a provided artifact, and jars in {@code lib/}
   * that contain a provided package.
   */
  static List<String> bundledPlatformClasses(Path archive) throws IOException {
    List<String> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith("classes/") && isProvided(name.substring("classes/".length()))) {
          found.add(name);
        } else if (name.startsWith("lib/") && name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
          String jar = name.substring("lib/".length());
          if (PROVIDED_JARS.stream().anyMatch(jar::startsWith)) {
            found.add(name);
          } else {
            providedInside(zip, entry).ifPresent(inner -> found.add(name + "!/" + inner));
          }
        }
      }
    }
    return found;
  }

  private static Optional<String> providedInside(ZipFile zip, ZipEntry jar) throws IOException {
    try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
      for (ZipEntry inner = in.getNextEntry(); inner != null; inner = in.getNextEntry()) {
        if (isProvided(inner.getName())) {
          return Optional.of(inner.getName());
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isProvided(String path) {
    return PROVIDED.stream().anyMatch(path::startsWith);
  }
}
