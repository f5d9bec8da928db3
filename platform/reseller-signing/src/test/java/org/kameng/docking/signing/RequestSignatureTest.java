package org.kameng.docking.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing recipe matches the worked example in docs/docking/reseller-api.md, read from the page
 * itself so the page and the code cannot drift apart (the example's values were computed with
 * openssl, not with this class).
 */
class RequestSignatureTest {

  private static final String MARKER = "<!-- worked example: checked by RequestSignatureTest -->";

  @Test
  void theDocumentedWorkedExampleSignsAsDocumented() throws IOException {
    Map<String, String> example = workedExample();
    byte[] body = example.get("body").getBytes(StandardCharsets.UTF_8);

    assertEquals(example.get("body hash"), RequestSignature.bodyHash(body));
    String canonical =
        RequestSignature.canonical(
            example.get("method"),
            example.get("path"),
            example.get("timestamp"),
            example.get("nonce"),
            body);
    assertEquals(example.get("signature"), RequestSignature.sign(example.get("secret"), canonical));
    assertEquals(
        example.get("signature"),
        RequestSignature.headers(
                "rk_example",
                example.get("secret"),
                example.get("method"),
                example.get("path"),
                body,
                Instant.ofEpochSecond(Long.parseLong(example.get("timestamp"))),
                example.get("nonce"))
            .get(RequestSignature.SIGNATURE));
  }

  @Test
  void everyPartOfTheRequestChangesTheSignature() {
    String base = RequestSignature.canonical("POST", "/p", "1", "n", "{}".getBytes());
    String signature = RequestSignature.sign("s", base);
    for (String other :
        List.of(
            RequestSignature.canonical("GET", "/p", "1", "n", "{}".getBytes()),
            RequestSignature.canonical("POST", "/q", "1", "n", "{}".getBytes()),
            RequestSignature.canonical("POST", "/p?a=1", "1", "n", "{}".getBytes()),
            RequestSignature.canonical("POST", "/p", "2", "n", "{}".getBytes()),
            RequestSignature.canonical("POST", "/p", "1", "m", "{}".getBytes()),
            RequestSignature.canonical("POST", "/p", "1", "n", "{ }".getBytes()))) {
      assertNotEquals(signature, RequestSignature.sign("s", other), other);
    }
    assertNotEquals(signature, RequestSignature.sign("t", base));
  }

  @Test
  void anEmptyBodyHashesAsZeroBytes() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        RequestSignature.bodyHash(null));
    assertEquals(RequestSignature.bodyHash(null), RequestSignature.bodyHash(new byte[0]));
  }

  @Test
  void noncesAreFreshAndOfTheAcceptedShape() {
    String a = RequestSignature.newNonce();
    assertTrue(a.matches("^[0-9a-f]{32}$"), a);
    assertNotEquals(a, RequestSignature.newNonce());
  }

  private static Map<String, String> workedExample() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("../../docs/docking/reseller-api.md"), StandardCharsets.UTF_8);
    int at = lines.indexOf(MARKER);
    assertTrue(at >= 0, "the worked example's marker is on the page");
    Map<String, String> values = new HashMap<>();
    int i = at + 1;
    while (!lines.get(i).startsWith("```")) {
      i++;
    }
    for (i++; !lines.get(i).startsWith("```"); i++) {
      String[] parts = lines.get(i).split(" {2,}", 2);
      values.put(parts[0].strip(), parts[1].strip());
    }
    return values;
  }
}
