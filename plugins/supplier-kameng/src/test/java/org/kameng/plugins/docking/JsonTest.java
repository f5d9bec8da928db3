package org.kameng.plugins.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector's small JSON reader and writer. */
class JsonTest {

  @Test
  void readsTheShapesTheApiAnswersWith() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", "x\"y\n\u00e9");
    expected.put("n", new BigDecimal("-12.50"));
    expected.put("list", Arrays.asList(Boolean.TRUE, Boolean.FALSE, null, List.of()));
    expected.put("o", Map.of());
    assertEquals(
        expected,
        Json.read(
            " {\"a\":\"x\\\"y\\n\\u00e9\", \"n\": -12.50, \"list\":[true,false,null,[]],"
                + " \"o\":{}} "));
  }

  @Test
  void refusesWhatIsNotJsonAndDeepNesting() {
    for (String bad : List.of("", "{", "{\"a\"}", "[1,]x", "\"open", "{'a':1}", "[".repeat(100))) {
      assertThrows(IllegalArgumentException.class, () -> Json.read(bad), bad);
    }
  }

  @Test
  void quotesStringsSafely() {
    assertEquals("\"a\\\"b\\\\c\\u000a\"", Json.quote("a\"b\\c\n"));
    assertEquals("a\"b\\c\n", Json.read(Json.quote("a\"b\\c\n")));
  }
}
