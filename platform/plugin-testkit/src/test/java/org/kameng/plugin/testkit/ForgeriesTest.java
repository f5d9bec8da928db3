package org.kameng.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kameng.plugin.api.http.InboundRequest;
import org.kameng.plugin.api.http.Parameters;

class ForgeriesTest {

  private static final InboundRequest POST =
      Forgeries.form(
          "POST", "/n", Parameters.of(Map.of("q", "1")), Parameters.of(form()), "192.0.2.1");

  private static Map<String, String> form() {
    // in order: Map.of iterates differently from one run to the next
    Map<String, String> form = new LinkedHashMap<>();
    form.put("money", "100.00");
    form.put("name", "卡 1");
    return form;
  }

  @Test
  void alteredValuesStayPlausibleAndDiffer() {
    assertEquals("100.01", Forgeries.altered("100.00"));
    assertEquals("abd", Forgeries.altered("abc"));
    assertEquals("A", Forgeries.altered("Z"));
    assertEquals("0", Forgeries.altered("9"));
    assertEquals("卡1", Forgeries.altered("卡"));
    assertEquals("1", Forgeries.altered(""));
  }

  @Test
  void editsReachTheFormAndItsEncodedBody() {
    InboundRequest edited = Forgeries.replaced(POST, "money", "0.01");
    assertEquals(List.of("0.01"), edited.form().all("money"));
    assertEquals("money=0.01&name=%E5%8D%A1+1", edited.body().text());
    InboundRequest repeated = Forgeries.repeated(POST, "money", "0.01");
    assertEquals(List.of("100.00", "0.01"), repeated.form().all("money"));
    assertEquals(List.of(), Forgeries.removed(POST, "money").form().all("money"));
    assertEquals(List.of("2"), Forgeries.replaced(POST, "q", "2").query().all("q"));
  }

  @Test
  void editingAFieldTheNotifyLacksFailsLoudly() {
    assertThrows(AssertionError.class, () -> Forgeries.replaced(POST, "sign", "x"));
  }

  @Test
  void theOtherMethodCarriesTheSameParameters() {
    InboundRequest get = Forgeries.otherMethod(POST);
    assertEquals("GET", get.method());
    assertEquals(
        Map.of("q", List.of("1"), "money", List.of("100.00"), "name", List.of("卡 1")),
        get.query().values());
    InboundRequest back = Forgeries.otherMethod(get);
    assertEquals("POST", back.method());
    assertEquals(get.query().values(), back.form().values());
  }

  @Test
  void flippedCaseSwapsLettersOnly() {
    assertEquals("aBc-1", Forgeries.flippedCase("AbC-1"));
  }
}
