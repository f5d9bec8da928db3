package org.kameng.kernel.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineKeyTest {

  @Test
  void aLineKeyReadsBackAsTheSameOrderLineAndFitsTheUpstreamKeyRules() {
    UpstreamPurchases.LineKey key = new UpstreamPurchases.LineKey(UUID.randomUUID(), 12);
    String text = key.toString();
    assertTrue(text.matches("[0-9A-Za-z_-]{1,64}"), text);
    assertEquals(Optional.of(key), UpstreamPurchases.LineKey.parse(text));
  }

  @Test
  void anythingElseIsNoKey() {
    assertEquals(Optional.empty(), UpstreamPurchases.LineKey.parse(null));
    assertEquals(Optional.empty(), UpstreamPurchases.LineKey.parse("../../etc"));
    assertEquals(
        Optional.empty(),
        UpstreamPurchases.LineKey.parse(UUID.randomUUID().toString() + "-1"),
        "the dashed form is not the key");
  }
}
