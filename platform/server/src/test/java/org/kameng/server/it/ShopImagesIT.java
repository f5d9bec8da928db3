package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Storefront images end to end: the owner uploads a logo, the theme's logo setting names it, and
 * the shop's host serves it with the stored type and a year's cache; files that are not images are
 * refused by their content whatever type they claim; another shop's host does not serve it.
 */
class ShopImagesIT {

  private static FreshShop shop;
  private static FreshShop other;

  @BeforeAll
  static void twoShops() throws Exception {
    shop = FreshShop.selling("images", "5.00", 1);
    other = FreshShop.selling("images-other", "5.00", 1);
  }

  /** A real 2x2 PNG, written here so its bytes are known. */
  static byte[] png(int rgb) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", new byte[] {0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0});
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (int row = 0; row < 2; row++) {
      raw.write(0);
      for (int col = 0; col < 2; col++) {
        raw.write(rgb >> 16);
        raw.write(rgb >> 8);
        raw.write(rgb);
      }
    }
    Deflater deflater = new Deflater();
    deflater.setInput(raw.toByteArray());
    deflater.finish();
    byte[] buffer = new byte[256];
    int length = deflater.deflate(buffer);
    chunk(out, "IDAT", Arrays.copyOf(buffer, length));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    out.write(new byte[] {0, 0, (byte) (data.length >> 8), (byte) data.length});
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    long value = crc.getValue();
    out.write(
        new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
  }

  private static Response upload(FreshShop at, String contentType, byte[] bytes) {
    return given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(at.ownerToken)
        .contentType(contentType)
        .body(bytes)
        .post("/api/shops/" + at.slug + "/images");
  }

  private static Response fetch(String host, String path) {
    return given().baseUri(TestStack.baseUrl()).header("Host", host).get(path);
  }

  @Test
  void anUploadedLogoIsServedOnTheShopsHostAndShownByTheTheme() throws Exception {
    byte[] logo = png(0x336699);
    JsonPath image =
        upload(shop, "image/png", logo)
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .body("contentType", equalTo("image/png"))
            .body("size", equalTo(logo.length))
            .extract()
            .jsonPath();
    String url = image.getString("url");
    assertTrue(url.startsWith("/assets/shop-images/" + shop.slug + "/"), url);
    // The same file again is the same image, not a second copy.
    upload(shop, "application/octet-stream", logo)
        .then()
        .statusCode(201)
        .body("id", equalTo(image.getString("id")));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/images")
        .then()
        .statusCode(200)
        .body("url", hasItem(url));

    Response served = fetch(StorefrontPagesIT.host(shop.slug), url);
    served.then().statusCode(200).contentType("image/png");
    assertArrayEquals(logo, served.asByteArray());
    assertEquals("public, max-age=31536000, immutable", served.header("Cache-Control"));
    assertEquals("nosniff", served.header("X-Content-Type-Options"));

    shop.owner()
        .body(Map.of("theme", "aurora", "settings", Map.of("logo_url", url)))
        .put("/api/shops/" + shop.slug + "/theme")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
    fetch(StorefrontPagesIT.host(shop.slug), "/")
        .then()
        .statusCode(200)
        .body(containsString("src=\"" + url + "\""));
  }

  @Test
  void anotherShopsHostDoesNotServeTheImage() throws Exception {
    String url =
        upload(shop, "image/png", png(0x00ff00)).then().statusCode(201).extract().path("url");
    fetch(StorefrontPagesIT.host(other.slug), url).then().statusCode(404);
    // Nor under the other shop's name: the id is looked up in that shop's images only.
    fetch(StorefrontPagesIT.host(other.slug), url.replace(shop.slug, other.slug))
        .then()
        .statusCode(404);
    fetch(StorefrontPagesIT.host(shop.slug), url.replace(".png", ".gif")).then().statusCode(404);
  }

  @Test
  void filesThatAreNotImagesAreRefusedByTheirContentAndNothingIsStored() {
    int before =
        shop.owner().get("/api/shops/" + shop.slug + "/images").jsonPath().getList("$").size();
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    upload(shop, "image/png", html)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("file"))
        .body("detail", containsString("PNG, JPEG, GIF or WebP"));
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8);
    upload(shop, "image/png", svg).then().statusCode(400);
    upload(shop, "image/png", new byte[0]).then().statusCode(400);
    byte[] huge = new byte[2 * 1024 * 1024 + 1];
    huge[0] = (byte) 0xFF;
    huge[1] = (byte) 0xD8;
    huge[2] = (byte) 0xFF;
    upload(shop, "image/jpeg", huge)
        .then()
        .statusCode(413)
        .body("errors[0].field", equalTo("file"));
    upload(shop, "text/html", html).then().statusCode(415);
    assertEquals(
        before,
        shop.owner().get("/api/shops/" + shop.slug + "/images").jsonPath().getList("$").size());
  }

  @Test
  void aDeletedImageIsNoLongerServed() throws Exception {
    JsonPath image =
        upload(shop, "image/png", png(0xaa0000)).then().statusCode(201).extract().jsonPath();
    String id = image.getString("id");
    shop.owner().delete("/api/shops/" + shop.slug + "/images/" + id).then().statusCode(204);
    fetch(StorefrontPagesIT.host(shop.slug), image.getString("url")).then().statusCode(404);
    shop.owner().delete("/api/shops/" + shop.slug + "/images/" + id).then().statusCode(404);
    shop.owner().get("/api/shops/" + shop.slug + "/images").then().body("id", not(hasItem(id)));
    List<Map<String, Object>> audit =
        shop.owner().get("/api/shops/" + shop.slug + "/audit").jsonPath().getList("$");
    assertTrue(
        audit.stream().anyMatch(e -> "storefront.image.delete".equals(e.get("action"))),
        "the delete is audited");
  }

  @Test
  void theAdminPreviewShowsAnUploadedImageBeforeItIsSaved() throws Exception {
    String url =
        upload(shop, "image/png", png(0x123456)).then().statusCode(201).extract().path("url");
    String html =
        shop.owner()
            .accept("text/html")
            .body(
                Map.of(
                    "theme", "aurora", "page", "home", "settings", Map.of("banner_image_url", url)))
            .post("/api/shops/" + shop.slug + "/theme/preview")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(html.contains("src=\"" + url + "\""), "the preview names the unsaved banner");
    // The preview is shown from the admin app's host, which serves the image by the shop's name.
    given().baseUri(TestStack.baseUrl()).get(url).then().statusCode(200).contentType("image/png");
    UUID.fromString(url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('.')));
  }
}
