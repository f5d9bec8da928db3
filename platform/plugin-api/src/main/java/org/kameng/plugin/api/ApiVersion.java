package org.kameng.plugin.api;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version of this plugin API, {@code major.minor.patch} in the sense of semantic versioning.
 *
 * <p>The host compares {@link #CURRENT} with the {@code plugin.requires} version or range in a
 * plugin's {@code plugin.properties} and refuses a plugin outside it, naming both versions. {@code
 * CURRENT} is deliberately an object and not a {@code String} constant: javac copies string
 * constants into the classes that use them, so a plugin would see the version it was compiled
 * against instead of the host's.
 *
 * @param major breaking changes bump it
 * @param minor additions bump it
 * @param patch fixes that change no signature bump it
 */
public record ApiVersion(int major, int minor, int patch) implements Comparable<ApiVersion> {

  /** The version of the API classes loaded in this JVM; always the host's, never a plugin's. */
  public static final ApiVersion CURRENT = new ApiVersion(0, 2, 0);

  private static final Pattern TEXT =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");

  /** Refuses negative parts. */
  public ApiVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version parts must not be negative: " + major + "." + minor + "." + patch);
    }
  }

  /**
   * Parses {@code major.minor.patch}, for example {@code 0.1.0}.
   *
   * @throws IllegalArgumentException if the text is not three dot-separated whole numbers
   */
  public static ApiVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a major.minor.patch version: " + text);
    }
    try {
      return new ApiVersion(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("version part too large: " + text, e);
    }
  }

  /**
   * Whether a plugin built against {@code builtAgainst} can run on this version: same major, and
   * this version at least as new. While the major version is 0 every minor version may break, so
   * the minor version must match too.
   */
  public boolean canRun(ApiVersion builtAgainst) {
    Objects.requireNonNull(builtAgainst, "builtAgainst");
    if (major != builtAgainst.major || compareTo(builtAgainst) < 0) {
      return false;
    }
    return major > 0 || minor == builtAgainst.minor;
  }

  @Override
  public int compareTo(ApiVersion other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
