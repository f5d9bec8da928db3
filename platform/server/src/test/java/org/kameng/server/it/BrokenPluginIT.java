package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deliberately broken plugin (plugins/testing/payment-broken) cannot break another shop's
 * checkout: while one shop's channel hangs on every call and another's throws, a third shop's
 * buyers still pay; the broken shops' orders are placed and keep their tokens, with the channel's
 * failure stated; and the same plugin built for an API the host does not have is refused at load.
 */
class BrokenPluginIT {

  private static final ExecutorService BUYERS = Executors.newFixedThreadPool(16);
  private static FreshShop healthy;
  private static String healthyChannel;

  @BeforeAll
  static void aHealthyShop() throws Exception {
    healthy = FreshShop.selling("healthy", "5.00", 3);
    healthyChannel = healthy.addEpay("Alipay");
  }

  @AfterAll
  static void stopBuyers() {
    BUYERS.shutdownNow();
  }

  @Test
  void aHangingChannelHoldsOnlyItsOwnShopsCheckouts() throws Exception {
    FreshShop hanging = FreshShop.selling("hanging", "5.00", 20);
    String channel = hanging.addChannel("payment-broken", "Hangs", Map.of("failure", "hang"));
    List<Future<JsonPath>> stuck = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      stuck.add(BUYERS.submit(() -> hanging.order(channel)));
    }
    // Give the hanging calls time to take their threads before the healthy shop's buyer comes.
    Thread.sleep(1_000);

    JsonPath paid = healthy.order(healthyChannel);
    assertEquals("FORM", paid.getString("payment.action.kind"));
    assertTrue(
        stuck.stream().anyMatch(f -> !f.isDone()),
        "the healthy checkout should have finished while the hanging channel still held its calls");

    for (Future<JsonPath> future : stuck) {
      JsonPath placed = future.get(60, TimeUnit.SECONDS);
      // The order exists and the buyer has its token; only the payment could not start.
      assertNotNull(placed.getString("token"));
      assertNotNull(placed.getString("paymentProblem"));
      assertNull(placed.get("payment"));
      assertEquals(
          "PENDING_PAYMENT", hanging.lookup(placed.getString("token")).getString("status"));
    }
  }

  @Test
  void aThrowingChannelFailsItsOwnCallsThenPausesWhileOthersPay() throws Exception {
    FreshShop throwing = FreshShop.selling("throwing", "5.00", 10);
    String channel = throwing.addChannel("payment-broken", "Throws", Map.of("failure", "throw"));
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      problems.add(throwing.order(channel).getString("paymentProblem"));
    }
    assertTrue(problems.get(0).contains("failed"), problems.get(0));
    // After five failures in a row the circuit of this shop's channel opens: no more plugin calls.
    assertTrue(problems.get(6).contains("paused"), problems.get(6));
    throwing
        .owner()
        .get("/api/shops/" + throwing.slug + "/channels/" + channel)
        .then()
        .statusCode(200)
        .body("paused", org.hamcrest.Matchers.equalTo(true));

    JsonPath paid = healthy.order(healthyChannel);
    assertEquals("FORM", paid.getString("payment.action.kind"));

    // A notify to the broken channel is answered 503 (the provider retries), never a 500.
    String payment = throwing.order(channel).getString("paymentId");
    given()
        .baseUri(TestStack.baseUrl())
        .get("/api/public/notify/" + throwing.tenantId + "/" + channel + "/" + payment)
        .then()
        .statusCode(503);
  }

  @Test
  void aPluginForAnotherApiVersionIsRefusedWithItsReason() throws Exception {
    String admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(admin)
        .get("/api/platform/plugins")
        .then()
        .statusCode(200)
        .body("installed.factoryId", hasItem("payment-broken"))
        .body("refused", hasSize(1))
        .body("refused[0].pluginId", org.hamcrest.Matchers.equalTo("payment-future"))
        .body("refused[0].reason", containsString("99.0.0"));
  }
}
