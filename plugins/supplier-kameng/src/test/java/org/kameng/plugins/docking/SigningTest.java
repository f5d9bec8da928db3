package org.kameng.plugins.docking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * This plugin's own implementation of the signing recipe agrees with the worked example of
 * docs/docking/reseller-api.md (computed there with openssl), read from the page itself.
 */
class SigningTest {

  @Test
  void theWorkedExampleOfTheDocumentationSignsAlike() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("../../docs/docking/reseller-api.md"), StandardCharsets.UTF_8);
    int at = lines.indexOf("<!-- worked example: checked by RequestSignatureTest -->");
    assertTrue(at >= 0);
    Map<String, String> example = new HashMap<>();
    int i = at + 1;
    while (!lines.get(i).startsWith("```")) {
      i++;
    }
    for (i++; !lines.get(i).startsWith("```"); i++) {
      String[] parts = lines.get(i).split(" {2,}", 2);
      example.put(parts[0].strip(), parts[1].strip());
    }
    byte[] body = example.get("body").getBytes(StandardCharsets.UTF_8);

    assertEquals(example.get("body hash"), Signing.sha256(body));
    assertEquals(
        example.get("signature"),
        Signing.hmac(
            example.get("secret"),
            Signing.canonical(
                example.get("method"),
                example.get("path"),
                example.get("timestamp"),
                example.get("nonce"),
                body)));
  }
}
