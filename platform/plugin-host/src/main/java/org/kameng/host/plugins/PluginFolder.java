package org.kameng.host.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.util.FileUtils;

/**
 * The plugins folder: which directories to load, and which archive each came from.
 *
 * <p>Zips are unpacked beside themselves here rather than by PF4J's repository, which logs a broken
 * zip and skips it silently; the admin must see it. PF4J's unzip refuses entries that escape the
 * target directory.
 */
final class PluginFolder {

  /**
   * A directory to load as a plugin.
   *
   * @param source what the operator placed in the folder: the zip, or the directory itself
   * @param directory the unpacked plugin, {@code classes/} + {@code lib/} + descriptor
   */
  record Candidate(Path source, Path directory) {}

  private final Path root;

  PluginFolder(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("the plugins folder is not a directory: " + root);
    }
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** The plugins to load, in name order; archives that cannot be used go to {@code failures}. */
  List<Candidate> candidates(List<LoadFailure> failures) {
    Map<Path, Path> sourceByDirectory = new TreeMap<>();
    Set<Path> broken = new HashSet<>();
    for (Path entry : entries()) {
      String name = entry.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (name.startsWith(".")) {
        continue;
      } else if (Files.isDirectory(entry)) {
        sourceByDirectory.putIfAbsent(entry, entry);
      } else if (lower.endsWith(".zip")) {
        try {
          // PF4J's streaming unzip reads garbage as an empty archive; the central directory does
          // not.
          new ZipFile(entry.toFile()).close();
          sourceByDirectory.put(FileUtils.expandIfZip(entry), entry);
        } catch (IOException | RuntimeException e) {
          // A half-unpacked directory may be left behind; it must not load as if it were whole.
          broken.add(entry.resolveSibling(name.substring(0, name.length() - ".zip".length())));
          failures.add(new LoadFailure(entry, Optional.empty(), "cannot unpack the zip: " + e));
        }
      } else if (lower.endsWith(".jar")) {
        failures.add(
            new LoadFailure(
                entry,
                Optional.empty(),
                "plain jar plugins cannot carry libraries and are not loaded; ship the PF4J zip"
                    + " layout (classes/ + lib/ + plugin.properties)"));
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    sourceByDirectory.forEach(
        (directory, source) -> {
          if (!broken.contains(directory)) {
            candidates.add(new Candidate(source, directory));
          }
        });
    return candidates;
  }

  private List<Path> entries() {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugins folder " + root, e);
    }
  }
}
