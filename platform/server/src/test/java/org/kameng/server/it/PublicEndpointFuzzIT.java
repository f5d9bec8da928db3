package org.kameng.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * T6: hostile input against every public endpoint — wrong types, wrong shapes, control characters,
 * huge values, random bytes, odd hosts — is always answered with a 4xx, never a 5xx.
 */
class PublicEndpointFuzzIT {

  private static final String SKU = StorefrontIT.STEAM_50;
  private static final String CHANNEL = StorefrontIT.MANUAL_CHANNEL;

  @Test
  void noHostileBodyGetsA5xx() {
    List<String> failures = new ArrayList<>();
    for (String path :
        List.of(
            "/api/public/orders",
            "/api/public/orders/payment",
            "/api/public/orders/lookup",
            "/api/public/signup")) {
      for (String body : hostileBodies()) {
        for (String type : List.of("application/json", "text/plain")) {
          Response r = StorefrontIT.shop("demo").contentType(type).body(body).post(path);
          if (r.statusCode() >= 500) {
            failures.add(r.statusCode() + " " + path + " " + type + " " + abbreviate(body));
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void randomBytesGetNo5xx() {
    Random random = new Random(42);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      byte[] bytes = new byte[random.nextInt(2_000)];
      random.nextBytes(bytes);
      Response r =
          StorefrontIT.shop("demo")
              .contentType("application/json")
              .body(bytes)
              .post("/api/public/orders");
      if (r.statusCode() >= 500) {
        failures.add(r.statusCode() + " random body #" + i);
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void oddHostsGetNo5xx() {
    List<String> failures = new ArrayList<>();
    for (String host :
        List.of(
            "",
            "localhost",
            ".localhost",
            "-.localhost",
            "demo..localhost",
            "DEMO.LOCALHOST",
            "demo.localhost:99999",
            "x".repeat(300) + ".localhost",
            "demo.localhost.evil.example",
            "[::1]:8080",
            "%00.localhost")) {
      Response r =
          io.restassured.RestAssured.given()
              .baseUri(TestStack.baseUrl())
              .header("Host", host)
              .get("/api/public/shop");
      if (r.statusCode() >= 500) {
        failures.add(r.statusCode() + " host " + abbreviate(host));
      }
    }
    assertEquals(List.of(), failures);
  }

  private static List<String> hostileBodies() {
    String big = "x".repeat(100_000);
    List<String> bodies = new ArrayList<>();
    bodies.addAll(
        List.of(
            "",
            "null",
            "[]",
            "\"a string\"",
            "123",
            "{",
            "{}",
            "{\"skuId\":null}",
            "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]",
            "{\"skuId\":123,\"quantity\":1,\"buyerEmail\":\"a@b.cn\"}",
            "{\"skuId\":\"not-a-uuid\",\"quantity\":1,\"buyerEmail\":\"a@b.cn\"}",
            order("\"quantity\":\"many\""),
            order("\"quantity\":1e99"),
            order("\"quantity\":-1"),
            order("\"quantity\":2147483648"),
            order("\"quantity\":0"),
            order("\"quantity\":1.5"),
            order("\"inputs\":[1,2]"),
            order("\"inputs\":{\"account\":{\"nested\":true}}"),
            order("\"inputs\":{\"" + big + "\":\"v\"}"),
            order("\"buyerContact\":\"" + big + "\""),
            order("\"queryPassword\":\"" + big + "\""),
            order("\"channelId\":\"00000000-0000-0000-0000-000000000000\""),
            order("\"channelId\":\"" + CHANNEL + "\",\"unknownField\":true"),
            "{\"skuId\":\"" + SKU + "\",\"quantity\":1,\"buyerEmail\":\"a\\u0000@b.cn\"}",
            "{\"skuId\":\""
                + SKU
                + "\",\"quantity\":1,\"buyerEmail\":\"a@b.cn\","
                + "\"buyerContact\":\"qq\\u0000\\u0007\\u202e\"}",
            "{\"skuId\":\"" + SKU + "\",\"quantity\":1,\"buyerEmail\":\"" + big + "@b.cn\"}",
            "{\"token\":null}",
            "{\"token\":\"" + big + "\"}",
            "{\"token\":\"\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000"
                + "\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\\u0000\"}",
            "{\"email\":\"a\\u0000@b.cn\",\"queryPassword\":\"\\u0000\"}",
            "{\"token\":\"abc\",\"channelId\":\"not-a-uuid\"}",
            "{\"token\":\"" + "t".repeat(43) + "\",\"channelId\":\"" + CHANNEL + "\"}"));
    return bodies;
  }

  private static String order(String extra) {
    return "{\"skuId\":\"" + SKU + "\",\"buyerEmail\":\"fuzz@example.cn\"," + extra + "}";
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
  }
}
