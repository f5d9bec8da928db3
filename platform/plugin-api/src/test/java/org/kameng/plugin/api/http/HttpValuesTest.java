package org.kameng.plugin.api.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpValuesTest {

  @Test
  void bodyIsACopyAndNeverPrintsItsBytes() {
    byte[] raw = "sign=abc".getBytes(StandardCharsets.UTF_8);
    Body body = Body.of(raw);
    raw[0] = 'X';
    assertEquals("sign=abc", body.text());
    body.bytes()[0] = 'Y';
    assertArrayEquals("sign=abc".getBytes(StandardCharsets.UTF_8), body.bytes());
    assertEquals(Body.utf8("sign=abc"), body);
    assertFalse(body.toString().contains("abc"));
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    Headers headers = new Headers(Map.of("X-Signature", List.of("a"), "x-signature", List.of("b")));
    assertEquals(2, headers.all("X-SIGNATURE").size());
    assertEquals(Optional.empty(), Headers.none().first("x-signature"));
  }

  @Test
  void aRepeatedParameterCannotBeReadAsOne() {
    Parameters params =
        new Parameters(Map.of("money", List.of("0.01", "100.00"), "pid", List.of("1001")));
    assertEquals(Optional.of("1001"), params.single("pid"));
    assertThrows(IllegalArgumentException.class, () -> params.single("money"));
    assertThrows(IllegalArgumentException.class, params::singleValued);
    assertEquals(Map.of("pid", "1001"), Parameters.of(Map.of("pid", "1001")).singleValued());
  }

  @Test
  void outboundRequestsGoToWebUrlsWithinATimeLimit() {
    URI api = URI.create("https://pay.example.cn/mapi.php");
    assertEquals("GET", OutboundRequest.get(api).method());
    assertThrows(
        IllegalArgumentException.class, () -> OutboundRequest.get(URI.create("file:///etc/hosts")));
    assertThrows(
        IllegalArgumentException.class,
        () -> OutboundRequest.get(URI.create("https://user:pw@pay.example.cn/")));
    assertThrows(
        IllegalArgumentException.class,
        () -> OutboundRequest.get(api).withTimeout(Duration.ofMinutes(5)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new OutboundRequest("GET", api, Headers.none(), Body.utf8("x"), Duration.ofSeconds(1)));
    assertEquals(
        Optional.of("k"),
        OutboundRequest.post(api, "application/json", Body.utf8("{}"))
            .withHeaders(Map.of("X-Key", "k"))
            .headers()
            .first("x-key"));
  }

  @Test
  void repliesAreExactAndHaveASaneStatus() {
    InboundReply success = InboundReply.text("success");
    assertEquals(200, success.status());
    assertEquals("success", success.body().text());
    assertThrows(IllegalArgumentException.class, () -> InboundReply.text(302, "moved"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new InboundReply(200, "text/plain\r\nSet-Cookie: x", Body.empty()));
  }

  @Test
  void inboundRequestsHaveAPathAndASource() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new InboundRequest(
                "GET",
                "notify",
                Parameters.none(),
                Parameters.none(),
                Headers.none(),
                Body.empty(),
                "203.0.113.9"));
  }
}
