package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several server instances run one platform: what a platform admin does to plugins on one instance
 * reaches the others through the database. The other instance is played here by writing the
 * database the way its upload and its disable write it; this instance must follow within its sync
 * interval (pom.xml: kameng.plugins.sync-seconds).
 */
class PluginSyncIT {

  private static String admin;
  private static FreshShop shop;
  private static String channel;

  @BeforeAll
  static void shopWithEpay() throws Exception {
    admin = TestStack.keycloak().accessToken("admin", TestStack.adminPassword());
    shop = FreshShop.selling("sync", "2.00", 5);
    channel = shop.addEpay("Alipay");
  }

  @Test
  void anUploadMadeOnAnotherInstanceIsInstalledHereAndTheShopsConfigurationCarriesOver()
      throws Exception {
    byte[] archive =
        PluginUploadIT.withVersion(
            Files.readAllBytes(PluginUploadIT.archive("payment-epay", "-plugin.zip")),
            "0.1.0-elsewhere");
    storeUpload("payment-epay", "0.1.0-elsewhere", sha256(archive), archive);

    JsonPath report =
        awaitReport(
            r ->
                "0.1.0-elsewhere"
                    .equals(
                        r.getString("registry.find { it.pluginId == 'payment-epay' }.version")));
    assertEquals(
        sha256(archive),
        report.getString("registry.find { it.pluginId == 'payment-epay' }.checksum"));
    assertTrue(
        report
            .getList("installed.findAll { it.pluginId == 'payment-epay' }.pluginVersion")
            .contains("0.1.0-elsewhere"),
        report.prettify());
    // The shop's channel, configured before, works with the version installed from elsewhere.
    JsonPath placed = shop.order(channel);
    assertEquals("FORM", placed.getString("payment.action.kind"));
  }

  @Test
  void anArchiveThatDoesNotMatchItsChecksumIsNotInstalledAndSaysSo() throws Exception {
    byte[] archive =
        PluginUploadIT.withVersion(
            Files.readAllBytes(PluginUploadIT.archive("payment-sandbox", "-plugin.zip")),
            "0.1.0-tampered");
    byte[] other = PluginUploadIT.withVersion(archive, "0.1.0-other");
    storeUpload("payment-sandbox", "0.1.0-tampered", sha256(other), archive);

    JsonPath report =
        awaitReport(
            r ->
                r.getList("sync.problems", String.class).stream()
                    .anyMatch(p -> p.startsWith("payment-sandbox 0.1.0-tampered")));
    assertTrue(
        report.getList("sync.problems", String.class).stream()
            .anyMatch(p -> p.contains("does not match its checksum")),
        report.prettify());
    assertEquals(
        List.of(),
        report.getList("installed.findAll { it.pluginVersion == '0.1.0-tampered' }.pluginVersion"));

    // Repair: the real archive under its real checksum, as a fresh upload would store it.
    storeUpload("payment-sandbox", "0.1.0-repaired", sha256(other), other);
    awaitReport(
        r ->
            "0.1.0-other"
                .equals(r.getString("registry.find { it.pluginId == 'payment-sandbox' }.version")));
  }

  @Test
  void aPluginDisabledOnAnotherInstanceIsNoLongerOfferedHere() throws Exception {
    try {
      setDisabled("payment-epay", true);
      awaitOffered(false);
    } finally {
      setDisabled("payment-epay", false);
    }
    awaitOffered(true);
  }

  private static void awaitOffered(boolean offered) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      List<String> channels =
          shop.buyer().get("/api/public/shop").then().statusCode(200).extract().path("channels.id");
      if (channels.contains(channel) == offered) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the epay channel is " + (offered ? "still not" : "still") + " offered");
  }

  private static JsonPath awaitReport(Predicate<JsonPath> done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    JsonPath last = null;
    while (System.nanoTime() < deadline) {
      last =
          given()
              .baseUri(TestStack.baseUrl())
              .auth()
              .oauth2(admin)
              .get("/api/platform/plugins")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the instance did not follow: " + (last == null ? "" : last.prettify()));
  }

  /** What another instance's upload writes (its own folder and registry are its business). */
  private static void storeUpload(String pluginId, String version, String checksum, byte[] archive)
      throws SQLException {
    try (Connection c = owner();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO kameng.plugin_archive (plugin_id, version, checksum, archive,"
                    + " uploaded_by) VALUES (?, ?, ?, ?, 'other-instance')"
                    + " ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version,"
                    + " checksum = excluded.checksum, archive = excluded.archive,"
                    + " uploaded_at = clock_timestamp()")) {
      upsert.setString(1, pluginId);
      upsert.setString(2, version);
      upsert.setString(3, checksum);
      upsert.setBytes(4, archive);
      upsert.executeUpdate();
    }
  }

  /** What another instance's disable writes. */
  private static void setDisabled(String pluginId, boolean disabled) throws SQLException {
    try (Connection c = owner();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE kameng.plugin_registry SET disabled = ? WHERE plugin_id = ?")) {
      update.setBoolean(1, disabled);
      update.setString(2, pluginId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("KAMENG_DB_URL"), "kameng_owner", System.getenv("KAMENG_DB_PASSWORD"));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
