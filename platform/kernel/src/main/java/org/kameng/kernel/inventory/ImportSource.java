package org.kameng.kernel.inventory;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The UTF-8 text of an import: pasted text, an uploaded stream or a file. A source is read once.
 */
public final class ImportSource {

  /** Opens the bytes of the source; may throw like any stream. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private final OptionalLong totalLines;

  private ImportSource(Opener opener, OptionalLong totalLines) {
    this.opener = opener;
    this.totalLines = totalLines;
  }

  /** Pasted text; the number of lines is known, so progress has a total. */
  public static ImportSource text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ImportSource(() -> new ByteArrayInputStream(bytes), OptionalLong.of(lines(bytes)));
  }

  /**
   * An uploaded stream of UTF-8 bytes, read as it arrives; progress has no total. The caller keeps
   * ownership: the import reads to the end but does not close it.
   */
  public static ImportSource stream(InputStream in) {
    Objects.requireNonNull(in, "in");
    return new ImportSource(() -> new UnclosedStream(in), OptionalLong.empty());
  }

  /**
   * A file, counted once up front so that progress has a total (for a large upload spooled to disk,
   * counting costs a small fraction of importing).
   */
  public static ImportSource file(Path path) throws IOException {
    long lines;
    try (InputStream in = Files.newInputStream(path)) {
      lines = countLines(in);
    }
    return new ImportSource(() -> Files.newInputStream(path), OptionalLong.of(lines));
  }

  InputStream open() throws IOException {
    return opener.open();
  }

  OptionalLong totalLines() {
    return totalLines;
  }

  private static long lines(byte[] bytes) {
    try {
      return countLines(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalStateException("a byte array cannot fail to read", e);
    }
  }

  // Lines as KeyLineReader counts them: every LF ends one, and trailing text without LF is one.
  private static long countLines(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long lines = 0;
    int last = '\n';
    for (int n; (n = in.read(buffer)) > 0; ) {
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
      last = buffer[n - 1];
    }
    return last == '\n' ? lines : lines + 1;
  }

  /** Lets the import close what it opened without closing the caller's stream. */
  private static final class UnclosedStream extends FilterInputStream {
    UnclosedStream(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
