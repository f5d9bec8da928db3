package org.kameng.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void parsesAndPrintsMajorMinorPatch() {
    assertEquals(new ApiVersion(1, 12, 3), ApiVersion.parse("1.12.3"));
    assertEquals("1.12.3", ApiVersion.parse(" 1.12.3 ").toString());
  }

  @Test
  void refusesAnythingButThreeNumbers() {
    for (String bad :
        new String[] {"1.2", "1.2.3-SNAPSHOT", "01.2.3", "a.b.c", "", "1.2.99999999999"}) {
      assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> new ApiVersion(0, -1, 0));
  }

  @Test
  void aHostRunsPluginsOfItsMajorVersionUpToItself() {
    ApiVersion host = new ApiVersion(1, 4, 2);
    assertTrue(host.canRun(new ApiVersion(1, 0, 0)));
    assertTrue(host.canRun(new ApiVersion(1, 4, 2)));
    assertFalse(host.canRun(new ApiVersion(1, 5, 0)), "a newer minor may use what the host lacks");
    assertFalse(host.canRun(new ApiVersion(2, 0, 0)));
    assertFalse(new ApiVersion(2, 0, 0).canRun(host));
  }

  @Test
  void beforeOneZeroEveryMinorVersionMayBreak() {
    assertTrue(new ApiVersion(0, 1, 3).canRun(new ApiVersion(0, 1, 0)));
    assertFalse(new ApiVersion(0, 2, 0).canRun(new ApiVersion(0, 1, 0)));
  }

  @Test
  void theChangelogNamesTheCurrentVersion() throws Exception {
    String changelog = Files.readString(Path.of("CHANGELOG.md"));
    assertTrue(
        changelog.contains("## [Unreleased] — " + ApiVersion.CURRENT)
            || changelog.contains("## [" + ApiVersion.CURRENT + "]"),
        "CHANGELOG.md has no section for " + ApiVersion.CURRENT);
  }
}
