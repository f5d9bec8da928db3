package org.kameng.plugin.testkit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The logger of a {@link ContractHost}: keeps every line instead of printing it, so that a contract
 * can search the lines for secrets, and a test run is not flooded by the hundreds of forged
 * notifies a contract sends.
 */
final class RecordingLogger implements System.Logger {

  private final String name;
  private final List<String> lines = new ArrayList<>();

  RecordingLogger(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    // every level: a secret logged at DEBUG is still logged somewhere in production
    return level != Level.OFF;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    StringBuilder line = new StringBuilder(level.getName()).append(' ').append(message);
    // the causes' messages too: a secret often hides in a wrapped exception
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 10; cause = cause.getCause(), depth++) {
      line.append(" | ").append(cause);
    }
    record(line.toString());
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    String message = format;
    if (format != null && params != null && params.length > 0) {
      try {
        message = MessageFormat.format(format, params);
      } catch (IllegalArgumentException e) {
        // a malformed pattern is the plugin's bug, but its arguments must still be searchable
        message = format + " " + Arrays.toString(params);
      }
    }
    record(level.getName() + " " + message);
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private synchronized void record(String line) {
    lines.add(line);
  }
}
