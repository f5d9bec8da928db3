package org.kameng.kernel.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kameng.kernel.testing.ShopFixture;

/**
 * The key claim stays cheap however many keys the SKU has sold. Sold keys stay in the table and the
 * claim sells the oldest first, so all of them lie ahead of the first available key in id order: a
 * claim that walks keys by id (the primary key's order, which the planner took for a one-SKU shop)
 * read every sold key on every order, 3.4-4.4 ms per claim after 9,000 sales over HTTP. Measured
 * here as the buffers one claim touches, with the planner's statistics up to date, both with the
 * values known and as a statement prepared once and run many times, as the server's are. And the
 * claim run often keeps one plan instead of being planned again for every order.
 */
class KeyClaimCostTest {

  private static final int KEYS = 30_000;
  private static final int SOLD = 6_000;
  // One claim through the partial index touches a handful of index and heap pages; one that
  // walks the sold keys touches every page that holds them (about 150 here).
  private static final int MOST_BUFFERS = 40;
  private static final Pattern HIT = Pattern.compile("\"Shared Hit Blocks\": (\\d+)");
  private static final Pattern READ = Pattern.compile("\"Shared Read Blocks\": (\\d+)");

  private static ShopFixture shop;

  @BeforeAll
  static void aShopThatSoldItsOldestKeys() throws SQLException {
    shop = ShopFixture.withCardKeyProduct(1000);
    shop.addKeys("sold-first", KEYS);
    shop.db
        .transactions()
        .inTenant(
            shop.tenant,
            c -> {
              try (PreparedStatement sell =
                  c.prepareStatement(
                      "UPDATE kameng.card_key SET status = 'SOLD', order_id = gen_random_uuid(),"
                          + " sold_at = now() WHERE id IN (SELECT id FROM kameng.card_key"
                          + " WHERE sku_id = ? ORDER BY id LIMIT ?)")) {
                sell.setObject(1, shop.skuId);
                sell.setInt(2, SOLD);
                assertEquals(SOLD, sell.executeUpdate());
              }
              return null;
            });
    // What autovacuum does soon after: dead row versions gone, statistics current. What is left
    // is the sold keys themselves, which no vacuum removes.
    try (Connection c = shop.db.ownerDataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("VACUUM (ANALYZE) kameng.card_key");
    }
  }

  @Test
  void aClaimWithTheValuesKnownReadsAHandfulOfPages() throws SQLException {
    int buffers = claimBuffers(KeyReservation.claimSql(1), "force_custom_plan");
    assertTrue(buffers <= MOST_BUFFERS, "one claim touched " + buffers + " buffers");
  }

  @Test
  void aClaimPreparedAndRunOftenAsTheServerDoesReadsAHandfulOfPages() throws SQLException {
    // After five runs PostgreSQL may keep one plan for any SKU and quantity, if it looks cheaper.
    int buffers = claimBuffers(KeyReservation.claimSql(1), "auto");
    assertTrue(buffers <= MOST_BUFFERS, "one claim touched " + buffers + " buffers");
  }

  @Test
  void theMeasureCatchesAClaimThatWalksKeysById() throws SQLException {
    String byId = KeyReservation.claimSql(1).replace("ORDER BY created_at, id", "ORDER BY id");
    int buffers = claimBuffers(byId, "force_custom_plan");
    assertTrue(buffers > MOST_BUFFERS, "the id-ordered claim touched only " + buffers);
  }

  @Test
  void aClaimRunOftenIsPlannedOnceNotOnEveryOrder() throws SQLException {
    // A generic plan names the parameters ($1) where a plan made for one run has the values.
    String plan = claimPlan(KeyReservation.claimSql(1), "auto", false);
    assertTrue(plan.contains("$1"), "the claim is still planned per run: " + plan);
  }

  @Test
  void theMeasureCatchesAClaimWhoseQuantityIsAParameter() throws SQLException {
    // "LIMIT ?": the generic plan assumes a tenth of the SKU's rows and never wins.
    String bound = KeyReservation.claimSql(1).replace("LIMIT 1 ", "LIMIT ?::integer ");
    String plan = claimPlan(bound, "auto", true);
    assertTrue(!plan.contains("$1"), "a bound quantity kept one plan: " + plan);
  }

  /** Buffers one claim of one key touches, as EXPLAIN (ANALYZE, BUFFERS) counts them. */
  private static int claimBuffers(String claim, String planCacheMode) throws SQLException {
    String plan = claimPlan(claim, planCacheMode, false);
    return first(HIT, plan) + first(READ, plan);
  }

  /**
   * The plan of a claim of one key prepared once and run ten times, as EXPLAIN (ANALYZE, BUFFERS)
   * shows the eleventh run; {@code boundQuantity} when the claim's LIMIT is its second parameter.
   */
  private static String claimPlan(String claim, String planCacheMode, boolean boundQuantity)
      throws SQLException {
    DataSource app = shop.db.appDataSource();
    try (Connection c = app.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        s.execute("SELECT set_config('app.tenant_id', '" + shop.tenant.value() + "', true)");
        s.execute("SET LOCAL plan_cache_mode = " + planCacheMode);
        s.execute(
            "PREPARE claim_under_test ("
                + (boundQuantity ? "uuid, integer, uuid, timestamptz" : "uuid, uuid, timestamptz")
                + ") AS "
                + numbered(claim));
        String execute =
            "EXECUTE claim_under_test ('"
                + shop.skuId
                + (boundQuantity ? "', 1, '" : "', '")
                + UUID.randomUUID()
                + "', now() + interval '15 minutes')";
        for (int run = 0; run < 10; run++) {
          s.execute(execute);
        }
        String plan;
        try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + execute)) {
          rs.next();
          plan = rs.getString(1);
        }
        assertTrue(plan.contains("\"Actual Rows\": 1"), "the claim reserved no key: " + plan);
        return plan;
      } finally {
        c.rollback();
      }
    }
  }

  // PREPARE names its parameters $1, $2, ... where JDBC writes ?.
  private static String numbered(String sql) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  // The plan's top node comes first and counts its children's buffers too.
  private static int first(Pattern pattern, String plan) {
    Matcher m = pattern.matcher(plan);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
