package org.kameng.server.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reading plugin archives as the platform admin hands them over: descriptor and checksum. */
final class PluginArchives {

  private static final Pattern ID =
      Pattern.compile("(payment|supplier|marketing|notifier)-[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,64}");

  private PluginArchives() {}

  /** What an archive says about itself. */
  record Descriptor(String pluginId, String version) {}

  /**
   * The descriptor at the root of a PF4J zip.
   *
   * @throws IllegalArgumentException with a message for the admin if it is not a plugin archive
   */
  static Descriptor describe(Path zip) {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      ZipEntry entry = archive.getEntry("plugin.properties");
      if (entry == null) {
        throw new IllegalArgumentException(
            "the archive has no plugin.properties at its root; build it with the plugin assembly"
                + " (docs/plugins)");
      }
      Properties properties = new Properties();
      try (InputStream in = archive.getInputStream(entry)) {
        properties.load(in);
      }
      String id = properties.getProperty("plugin.id", "").strip();
      String version = properties.getProperty("plugin.version", "").strip();
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "plugin.id must be <kind>-<vendor> with kind payment, supplier, marketing or notifier");
      }
      if (!VERSION.matcher(version).matches()) {
        throw new IllegalArgumentException("plugin.version is missing or malformed");
      }
      if (properties.getProperty("plugin.requires", "").isBlank()) {
        throw new IllegalArgumentException("plugin.requires must name the plugin API it needs");
      }
      return new Descriptor(id, version);
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException("the upload is not a zip archive");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of a zip, or of a plugin directory's files (paths and contents, in path order). */
  static String checksum(Path source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(source)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
          digest.update(
              source.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      } else {
        try (InputStream in = Files.newInputStream(source)) {
          byte[] buffer = new byte[64 * 1024];
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
