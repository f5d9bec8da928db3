package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform admin installs and upgrades plugins by upload and disables them for every shop; shops'
 * channel configurations carry over an upgrade, and archives the host would refuse never replace a
 * working version.
 */
class PluginUploadIT {

  private static String admin;
  private static FreshShop shop;
  private static String channel;

  @BeforeAll
  static void shopWithEpay() throws Exception {
    admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    shop = FreshShop.selling("upload", "3.00", 5);
    channel = shop.addEpay("Alipay");
  }

  private static RequestSpecification asAdmin() {
    return given().baseUri(TestStack.baseUrl()).auth().oauth2(admin);
  }

  @Test
  void archivesTheHostWouldRefuseAreRejectedWithTheReasonAndChangeNothing() throws Exception {
    upload("not a zip at all".getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(400)
        .body("detail", containsString("not a zip"));
    upload(zip(Map.of("classes/readme.txt", "no descriptor")))
        .then()
        .statusCode(400)
        .body("detail", containsString("plugin.properties"));
    upload(Files.readAllBytes(archive("testing/payment-broken", "-future-plugin.zip")))
        .then()
        .statusCode(400)
        .body("detail", containsString("99.0.0"));
    upload(new byte[0]).then().statusCode(400).body("detail", containsString("empty"));
    asAdmin()
        .get("/api/platform/plugins")
        .then()
        .statusCode(200)
        .body("installed.factoryId", hasItem("payment-epay"))
        .body("registry.find { it.pluginId == 'payment-epay' }.status", equalTo("ACTIVE"));
  }

  @Test
  void anUpgradeKeepsTheShopsConfigurationAndIsRecorded() throws Exception {
    byte[] upgraded =
        withVersion(Files.readAllBytes(archive("payment-epay", "-plugin.zip")), "0.1.0-upgrade");
    upload(upgraded)
        .then()
        .statusCode(201)
        .body("pluginId", equalTo("payment-epay"))
        .body("version", equalTo("0.1.0-upgrade"))
        .body("status", equalTo("ACTIVE"));
    JsonPath placed = shop.order(channel);
    assertEquals("FORM", placed.getString("payment.action.kind"));
  }

  @Test
  void aDisabledPluginIsNotOfferedAndStartsNoPaymentUntilEnabled() {
    asAdmin()
        .post("/api/platform/plugins/payment-epay/disable")
        .then()
        .statusCode(200)
        .body("disabled", equalTo(true));
    try {
      shop.owner()
          .get("/api/shops/" + shop.slug + "/channel-types")
          .then()
          .statusCode(200)
          .body("id", not(hasItem("payment-epay")));
      JsonPath placed = shop.order(channel);
      org.junit.jupiter.api.Assertions.assertNull(placed.get("payment"));
      org.junit.jupiter.api.Assertions.assertTrue(
          placed.getString("paymentProblem").contains("disabled"),
          placed.getString("paymentProblem"));
    } finally {
      asAdmin()
          .post("/api/platform/plugins/payment-epay/enable")
          .then()
          .statusCode(200)
          .body("disabled", equalTo(false));
    }
    assertEquals("FORM", shop.order(channel).getString("payment.action.kind"));
    asAdmin().post("/api/platform/plugins/payment-nosuch/disable").then().statusCode(404);
  }

  private static io.restassured.response.Response upload(byte[] archive) {
    return asAdmin().contentType("application/zip").body(archive).post("/api/platform/plugins");
  }

  /** The built archive of a plugin module, as ./kameng test built it. */
  static Path archive(String module, String suffix) throws IOException {
    Path target = Path.of("../../plugins", module, "target");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target, "*" + suffix)) {
      for (Path file : files) {
        if (!suffix.equals("-plugin.zip") || !file.toString().endsWith("-future-plugin.zip")) {
          return file;
        }
      }
    }
    throw new IllegalStateException("no " + suffix + " in " + target + "; build the plugins first");
  }

  /** The archive with another plugin.version: a new build of the plugin. */
  static byte[] withVersion(byte[] archive, String version) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(archive));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals("plugin.properties")) {
          content =
              new String(content, StandardCharsets.ISO_8859_1)
                  .replaceAll("(?m)^plugin\\.version=.*$", "plugin.version=" + version)
                  .getBytes(StandardCharsets.ISO_8859_1);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
