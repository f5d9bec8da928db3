package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier-smtp plugin end to end, against a real SMTP server (GreenMail on 127.0.0.1, which
 * the server under test allow-lists): a buyer pays on the sandbox page and gets the order-delivered
 * mail. A second configuration of the same shop asks for STARTTLS, which GreenMail does not offer:
 * every delivery to it fails for good, and after two in a row ({@code
 * kameng.notifiers.disable-after=2} on the test server) the platform disables it, says why in the
 * admin API and the shop's audit log, and the owner enables it again.
 */
class SmtpNotifierIT {

  private static final String SANDBOX_SECRET = "sandbox-it-4a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d";

  private static GreenMail smtp;
  private static FreshShop shop;
  private static String sandbox;
  private static String failing;

  @BeforeAll
  static void shopWithTwoMailNotifiers() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    shop = FreshShop.selling("smtp", "9.90", 5);
    sandbox =
        shop.addChannel("payment-sandbox", "Sandbox", Map.of("signingSecret", SANDBOX_SECRET));
    configure("Shop mail", "none");
    failing = configure("Mail over STARTTLS", "starttls");
  }

  private static String configure(String name, String security) {
    return shop.owner()
        .body(
            Map.of(
                "plugin",
                "notifier-smtp",
                "name",
                name,
                "values",
                Map.of(
                    "host", "127.0.0.1",
                    "port", String.valueOf(smtp.getSmtp().getPort()),
                    "security", security,
                    "from", "shop@smtp-it.example",
                    "staffTo", "owner@smtp-it.example")))
        .post("/api/shops/" + shop.slug + "/plugin-configs")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .body("kind", equalTo("NOTIFIER"))
        .body("failuresInRow", equalTo(0))
        .extract()
        .path("id");
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static JsonPath paidOrder() {
    JsonPath placed = shop.order(sandbox);
    given()
        .contentType("application/x-www-form-urlencoded")
        .formParam("decision", "pay")
        .post(URI.create(placed.getString("payment.action.url")))
        .then()
        .statusCode(200);
    assertEquals("DELIVERED", shop.lookup(placed.getString("token")).getString("status"));
    return placed;
  }

  private static JsonPath config(String id) {
    return shop.owner()
        .get("/api/shops/" + shop.slug + "/plugin-configs/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  // Staff may get a low-stock mail too; the buyer's is the one addressed to the buyer alone.
  private static MimeMessage toBuyer(long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage mail : smtp.getReceivedMessages()) {
        List<String> to =
            Arrays.stream(mail.getAllRecipients())
                .map(a -> ((InternetAddress) a).getAddress())
                .toList();
        if (to.equals(List.of("buyer@example.cn"))) {
          return mail;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no mail reached the buyer");
  }

  @Test
  void theBuyerIsMailedAndAConfigurationThatKeepsFailingIsDisabledUntilTheOwnerEnablesIt()
      throws Exception {
    JsonPath first = paidOrder();
    MimeMessage mail = toBuyer(60_000);
    assertTrue(mail.getSubject().contains(first.getString("displayNumber")), mail.getSubject());
    assertTrue(mail.getContent().toString().contains("/orders"), "links to the order page");

    paidOrder();
    long deadline = System.currentTimeMillis() + 90_000;
    while (config(failing).getBoolean("enabled") && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    JsonPath disabled = config(failing);
    assertEquals(false, disabled.getBoolean("enabled"), "not disabled after two failures");
    assertEquals(2, disabled.getInt("failuresInRow"));
    assertTrue(
        disabled.getString("autoDisabledReason").contains("STARTTLS"),
        disabled.getString("autoDisabledReason"));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("notifier.auto_disabled"));

    shop.owner()
        .body(Map.of("enabled", true))
        .patch("/api/shops/" + shop.slug + "/plugin-configs/" + failing)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("failuresInRow", equalTo(0));
    assertNull(config(failing).getString("autoDisabledReason"));
  }
}
