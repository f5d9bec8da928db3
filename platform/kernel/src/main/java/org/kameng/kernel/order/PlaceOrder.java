package org.kameng.kernel.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.catalog.Fulfilment;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.job.Jobs;
import org.kameng.kernel.json.FlatJson;
import org.kameng.kernel.tenancy.SqlWork;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.plugin.api.TenantId;

/**
 * Places an order: checks the request, prices it, reserves card keys at once and schedules the
 * reservation's expiry, all in one transaction. Either the buyer gets an order whose keys are held
 * for them, or nothing is written.
 */
public final class PlaceOrder {

  /** Job kind that releases an unpaid order's stock when its reservation ends. */
  public static final String EXPIRE_JOB = "order.expire";

  private static final int ATTEMPTS = 10;

  private final Transactions transactions;
  private final DataKeys dataKeys;

  /** Places orders without price rules (no data key is needed to name the buyer to rules). */
  public PlaceOrder(Transactions transactions) {
    this(transactions, null);
  }

  /** Places orders, asking price rules when given; the buyer's pseudonym uses the data key. */
  public PlaceOrder(Transactions transactions, DataKeys dataKeys) {
    this.transactions = Objects.requireNonNull(transactions);
    this.dataKeys = dataKeys;
  }

  /**
   * Places the order.
   *
   * @throws InvalidOrderException if the request is wrong (names the field)
   * @throws SoldOutException if there is not enough stock
   * @throws ShopClosedException if the shop takes no orders
   */
  public PlacedOrder place(TenantId tenant, OrderRequest request) {
    return place(tenant, request, null);
  }

  /**
   * Places the order and, if {@code channelConfigId} is given, opens its payment through that
   * channel in the same transaction (the checkout page asks for the channel with the order).
   *
   * @throws InvalidOrderException if the request or the channel is wrong (names the field)
   * @throws SoldOutException if there is not enough stock
   * @throws ShopClosedException if the shop takes no orders
   */
  public PlacedOrder place(TenantId tenant, OrderRequest request, UUID channelConfigId) {
    return place(tenant, request, channelConfigId, PriceRules.NONE);
  }

  /**
   * Places the order priced by the shop's rules: their adjustments are applied within the kernel's
   * rules and recorded in the line's price snapshot, and the uses of limited promotions (a
   * coupon's) are taken in the same transaction as the order, so a limit holds under any
   * concurrency.
   *
   * @throws InvalidPromotionException if the buyer's {@code couponCode} is not valid, used up, or
   *     cannot be checked now; nothing is written
   */
  public PlacedOrder place(
      TenantId tenant, OrderRequest request, UUID channelConfigId, PriceRules rules) {
    OrderRequestRules.checkBuyer(request);
    Objects.requireNonNull(rules, "rules");
    if (rules != PriceRules.NONE && dataKeys == null) {
      throw new IllegalStateException("price rules need the data keys to name the buyer");
    }
    return retryingContention(
        tenant, c -> placeOnce(c, tenant, request, channelConfigId, null, rules, dataKeys));
  }

  /**
   * Runs {@code work} in one tenant transaction, again from the start (a few times, with a pause)
   * whenever an order it places with {@link #placeIn} met keys other buyers were claiming. Work
   * must have no effect outside the database.
   *
   * @throws SoldOutException if the stock stayed contended on every attempt
   */
  public <T> T retryingContention(TenantId tenant, SqlWork<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.inTenant(tenant, work);
      } catch (StockContended contended) {
        // Keys we skipped are being claimed by buyers who may yet give them back.
        if (attempt == ATTEMPTS) {
          throw new SoldOutException("sold out");
        }
        pause(attempt);
      }
    }
  }

  /**
   * Places an order in the caller's transaction, priced by {@code rule} rather than the list price
   * and tiers; no payment is opened. Must run inside {@link #retryingContention}, which retries
   * when stock was contended.
   *
   * @return the order, PENDING_PAYMENT, with its keys reserved
   * @throws InvalidOrderException if the request is wrong (names the field)
   * @throws SoldOutException if there is not enough stock
   * @throws ShopClosedException if the shop takes no orders
   */
  public static PlacedOrder placeIn(
      Connection c, TenantId tenant, OrderRequest request, UnitPriceRule rule) throws SQLException {
    OrderRequestRules.checkBuyer(request);
    if (request.couponCode() != null) {
      // Orders priced by a rule (a reseller's wholesale price) take no coupons.
      throw new InvalidPromotionException(
          "couponCode", "coupons do not apply to this order", false);
    }
    return placeOnce(c, tenant, request, null, Objects.requireNonNull(rule), PriceRules.NONE, null);
  }

  private static PlacedOrder placeOnce(
      Connection c,
      TenantId tenant,
      OrderRequest request,
      UUID channelConfigId,
      UnitPriceRule rule,
      PriceRules rules,
      DataKeys dataKeys)
      throws SQLException {
    Offer.ShopWindow[] window = new Offer.ShopWindow[1];
    Optional<Offer> found = Offer.load(c, request.skuId(), window);
    if (window[0] == null || !window[0].open()) {
      throw new ShopClosedException("this shop is not taking orders");
    }
    Offer offer =
        found.orElseThrow(() -> new InvalidOrderException("skuId", "no such product on sale"));
    OrderRequestRules.checkAgainst(offer, request);
    OrderPricing base = OrderPricing.of(offer, request.quantity(), rule);
    String buyerKey = null;
    AdjustedPricing pricing;
    // Rules are asked before any stock is claimed: this transaction holds no lock while they run.
    if (rules == PriceRules.NONE && request.couponCode() == null) {
      pricing = AdjustedPricing.plain(base);
    } else {
      buyerKey = dataKeys == null ? null : buyerKey(c, dataKeys, tenant, request.buyerEmail());
      pricing =
          AdjustedPricing.apply(
              base,
              offer,
              request.quantity(),
              request.couponCode(),
              Optional.ofNullable(buyerKey),
              rules,
              window[0].now().toInstant());
    }
    UUID orderId = UUID.randomUUID();
    OffsetDateTime reservedUntil = window[0].reservationEnd();

    if (offer.fulfilment() == Fulfilment.CARD_KEY) {
      reserveKeys(c, offer, request.quantity(), orderId, reservedUntil);
      LowStockAlert.raiseIfLow(c, tenant, offer.skuId(), offer.lowStockThreshold());
    }
    String token = OrderToken.generate();
    UUID paymentId = channelConfigId == null ? null : UUID.randomUUID();
    long displayNumber =
        insertOrder(
            c,
            tenant,
            orderId,
            token,
            request,
            offer,
            base,
            pricing,
            reservedUntil,
            channelConfigId,
            paymentId);
    for (AdjustedPricing.Take take : pricing.takes()) {
      PromotionUses.take(
          c,
          tenant,
          orderId,
          take.limitKey(),
          take.code(),
          buyerKey,
          take.maxUses(),
          take.maxPerBuyer());
    }
    return new PlacedOrder(
        orderId, token, displayNumber, pricing.lineTotal(), reservedUntil, paymentId);
  }

  // A keyed hash of the normalised email under the shop's data key: stable for per-buyer limits,
  // useless to anyone without the key, and different in every shop.
  private static String buyerKey(Connection c, DataKeys dataKeys, TenantId tenant, String email)
      throws SQLException {
    byte[] mac =
        dataKeys
            .forTenant(c, tenant)
            .fingerprint("promotion-buyer:" + email.strip().toLowerCase(Locale.ROOT));
    return HexFormat.of().formatHex(mac);
  }

  private static void reserveKeys(
      Connection c, Offer offer, int quantity, UUID orderId, OffsetDateTime until)
      throws SQLException {
    if (offer.loopKey()) {
      if (KeyReservation.available(c, offer.skuId()) == 0) {
        throw new SoldOutException("sold out");
      }
      return;
    }
    List<Long> claimed = KeyReservation.claim(c, offer.skuId(), quantity, orderId, until);
    if (claimed.size() < quantity) {
      int stillAvailable = KeyReservation.available(c, offer.skuId());
      if (claimed.size() + stillAvailable >= quantity) {
        throw new StockContended();
      }
      throw new SoldOutException("only " + (claimed.size() + stillAvailable) + " left");
    }
  }

  /**
   * The order, its line, the expiry job and, with a channel, the payment of the order's total (and
   * for a plugin channel the job that reconciles it) — in one statement, so one round trip on every
   * checkout. Foreign keys of rows written by a data-modifying CTE are checked at the end of the
   * statement, so the line and the payment can name the order written beside them. The jobs are the
   * rows {@link Jobs#enqueue} and {@link StartPayment#start} write.
   *
   * @return the order's display number
   * @throws InvalidOrderException if the channel is not one of the shop's enabled channels
   */
  private static long insertOrder(
      Connection c,
      TenantId tenant,
      UUID orderId,
      String token,
      OrderRequest request,
      Offer offer,
      OrderPricing base,
      AdjustedPricing pricing,
      OffsetDateTime reservedUntil,
      UUID channelConfigId,
      UUID paymentId)
      throws SQLException {
    Money total = pricing.lineTotal();
    try (PreparedStatement insert = c.prepareStatement(INSERT_ORDER)) {
      int i = 0;
      // the order
      insert.setObject(++i, tenant.value());
      insert.setObject(++i, orderId);
      insert.setBytes(++i, OrderToken.hash(token));
      insert.setString(++i, request.buyerEmail().strip().toLowerCase(Locale.ROOT));
      insert.setString(++i, request.buyerContact());
      insert.setString(
          ++i,
          request.queryPassword() == null ? null : QueryPassword.hash(request.queryPassword()));
      insert.setString(++i, total.currency());
      insert.setLong(++i, total.minorUnits());
      insert.setTimestamp(++i, Timestamp.from(reservedUntil.toInstant()));
      // its line
      insert.setObject(++i, offer.skuId());
      insert.setString(++i, offer.fulfilment().name());
      insert.setInt(++i, request.quantity());
      insert.setLong(++i, base.unitPrice().minorUnits());
      insert.setLong(++i, pricing.lineTotal().minorUnits());
      insert.setString(++i, pricing.snapshotJson());
      insert.setString(
          ++i, FlatJson.ofStrings(OrderRequestRules.trimmed(request.inputs())).toString());
      // the expiry job
      insert.setString(++i, EXPIRE_JOB);
      insert.setString(++i, new FlatJson().put("orderId", orderId.toString()).toString());
      insert.setTimestamp(++i, Timestamp.from(reservedUntil.toInstant()));
      // the payment and its reconcile job (no channel: no rows)
      insert.setObject(++i, channelConfigId, Types.OTHER);
      insert.setObject(++i, paymentId, Types.OTHER);
      insert.setString(++i, StartPayment.RECONCILE_JOB);
      insert.setString(++i, paymentId == null ? null : paymentId.toString());
      insert.setString(
          ++i,
          paymentId == null
              ? null
              : new FlatJson().put("paymentId", paymentId.toString()).toString());
      insert.setTimestamp(++i, Timestamp.from(Instant.now().plus(StartPayment.FIRST_RECONCILE)));
      insert.setString(++i, StartPayment.MANUAL);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        if (channelConfigId != null && !rs.getBoolean(2)) {
          throw new InvalidOrderException("channelId", "no such payment channel in this shop");
        }
        return rs.getLong(1);
      }
    }
  }

  private static final String INSERT_ORDER =
      """
      WITH placed AS (
        INSERT INTO kameng.customer_order (tenant_id, id, token_hash, display_number,
               buyer_email, buyer_contact, query_password_hash, status, currency, total_minor,
               reserved_until)
        VALUES (?, ?, ?, nextval('kameng.order_display_number'), ?, ?, ?, 'PENDING_PAYMENT', ?,
                ?, ?)
        RETURNING tenant_id, id, currency, total_minor, display_number),
      line AS (
        INSERT INTO kameng.order_line (tenant_id, order_id, line_number, sku_id, fulfilment,
               quantity, unit_price_minor, line_total_minor, price_snapshot, buyer_inputs)
        SELECT tenant_id, id, 1, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb FROM placed),
      expiry AS (
        INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)
        SELECT tenant_id, ?, id::text, ?::jsonb, ?::timestamptz FROM placed
        ON CONFLICT DO NOTHING),
      channel AS (
        SELECT id, channel FROM kameng.channel_config WHERE id = ?::uuid AND enabled),
      payment AS (
        INSERT INTO kameng.payment (tenant_id, id, order_id, channel_config_id, amount_minor,
               currency, status)
        SELECT placed.tenant_id, ?::uuid, placed.id, channel.id, placed.total_minor,
               placed.currency, 'PENDING'
          FROM placed, channel),
      reconcile AS (
        INSERT INTO kameng.job (tenant_id, kind, dedupe_key, payload, run_at)
        SELECT placed.tenant_id, ?, ?, ?::jsonb, ?::timestamptz FROM placed, channel
         WHERE channel.channel <> ?
        ON CONFLICT DO NOTHING)
      SELECT placed.display_number, EXISTS (SELECT 1 FROM channel) FROM placed
      """;

  private static void pause(int attempt) {
    try {
      Thread.sleep(5L * attempt + (long) (Math.random() * 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoldOutException("interrupted");
    }
  }

  /** Some keys were skipped because other buyers are claiming them; worth another try. */
  private static final class StockContended extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StockContended() {
      super(null, null, false, false);
    }
  }
}
