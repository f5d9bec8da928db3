package org.kameng.server.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SKU's keys listed without the keys themselves; one shown in the clear by the owner, audited.
 */
class CardKeyListIT {

  private static FreshShop shop;
  private static String list;

  @BeforeAll
  static void shopWithThreeKeys() throws Exception {
    shop = FreshShop.selling("keylist", "2.00", 3);
    list = "/api/shops/" + shop.slug + "/skus/" + shop.skuId + "/key-list";
  }

  @Test
  void theListNeverContainsAKeyAndPagesNewestFirst() {
    String body =
        shop.owner()
            .get(list)
            .then()
            .statusCode(200)
            .body("$", hasSize(3))
            .body("status", everyItem(equalTo("AVAILABLE")))
            .extract()
            .asString();
    // FreshShop's keys are "<slug>-KEY-<n>": no part of any of them is in the list.
    org.hamcrest.MatcherAssert.assertThat(body, not(containsString("-KEY-")));
    List<Integer> ids = shop.owner().queryParam("limit", 2).get(list).then().extract().path("id");
    shop.owner()
        .queryParam("before", ids.get(1))
        .get(list)
        .then()
        .statusCode(200)
        .body("$", hasSize(1));
    shop.owner()
        .queryParam("status", "SOLD")
        .get(list)
        .then()
        .statusCode(200)
        .body("$", hasSize(0));
  }

  @Test
  void theOwnerRevealsOneKeyAndTheRevealIsAudited() {
    int id = shop.owner().get(list).then().extract().path("[0].id");
    shop.owner()
        .post(list + "/" + id + "/reveal")
        .then()
        .statusCode(200)
        .header("Cache-Control", containsString("no-store"))
        .body("key", startsWith(shop.slug + "-KEY-"));
    shop.owner()
        .get("/api/shops/" + shop.slug + "/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("card_key.reveal"))
        .body("subject", hasItem("card_key:" + id));
  }

  @Test
  void staffSeeTheListButCannotReveal() throws Exception {
    String staff = IsolationMatrixIT.staffOf(shop.slug, shop.ownerToken);
    int id =
        given()
            .baseUri(TestStack.baseUrl())
            .auth()
            .oauth2(staff)
            .get(list)
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    given()
        .baseUri(TestStack.baseUrl())
        .auth()
        .oauth2(staff)
        .post(list + "/" + id + "/reveal")
        .then()
        .statusCode(403);
  }

  @Test
  void unknownKeysAndBadInputAreRefused() {
    shop.owner().post(list + "/999999999/reveal").then().statusCode(404);
    shop.owner()
        .post(list + "/abc/reveal")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("keyId"));
    shop.owner()
        .queryParam("status", "LOST")
        .get(list)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }
}
