package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The admin app's API types are generated from a committed copy of the server's OpenAPI document
 * ({@code tenant-admin/openapi.json}). This test fails when the served document differs from that
 * copy, so an endpoint change cannot leave the app's types silently behind. Refresh the copy with
 * {@code -Dkameng.openapi.write=true} (see tenant-admin/README.md).
 */
class OpenApiSnapshotIT {

  private static final Path SNAPSHOT = Path.of("../../tenant-admin/openapi.json");

  @Test
  void servedDocumentMatchesTheAdminAppsSnapshot() throws IOException {
    Map<String, Object> document =
        given()
            .baseUri(TestStack.baseUrl())
            .accept("application/json")
            .get("/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("$");
    // The server list names this run's random port; the app calls its own origin anyway.
    document.remove("servers");
    String served = CanonicalJson.write(document);
    if (Boolean.getBoolean("kameng.openapi.write")) {
      Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
      return;
    }
    Path actual = Path.of("target/openapi.json");
    Files.writeString(actual, served, StandardCharsets.UTF_8);
    String committed =
        Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
    assertEquals(
        committed,
        served,
        "The served OpenAPI document differs from tenant-admin/openapi.json (served copy in "
            + actual
            + "); refresh it as tenant-admin/README.md says and rebuild the app's types");
  }

  /** JSON with sorted keys and fixed indentation, so the snapshot diffs line by line. */
  static final class CanonicalJson {

    private CanonicalJson() {}

    static String write(Object value) {
      StringBuilder out = new StringBuilder();
      append(out, value, "");
      return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, String indent) {
      String inner = indent + "  ";
      if (value instanceof Map<?, ?> map) {
        if (map.isEmpty()) {
          out.append("{}");
          return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
          out.append(inner);
          string(out, entry.getKey());
          out.append(": ");
          append(out, entry.getValue(), inner);
          out.append(++i < sorted.size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
      } else if (value instanceof List<?> list) {
        if (list.isEmpty()) {
          out.append("[]");
          return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
          out.append(inner);
          append(out, list.get(i), inner);
          out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
      } else if (value instanceof String text) {
        string(out, text);
      } else {
        out.append(value);
      }
    }

    private static void string(StringBuilder out, String text) {
      out.append('"');
      for (char ch : text.toCharArray()) {
        switch (ch) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (ch < 0x20) {
              out.append(String.format("\\u%04x", (int) ch));
            } else {
              out.append(ch);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
