package org.kameng.kernel.docking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kameng.kernel.fulfilment.DeliverOrder;
import org.kameng.kernel.ledger.Ledger;
import org.kameng.kernel.order.OrderRequest;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.kernel.order.OrderTransitions;
import org.kameng.kernel.order.PlaceOrder;
import org.kameng.kernel.order.PlacedOrder;
import org.kameng.kernel.order.UnitPriceRule;
import org.kameng.plugin.api.TenantId;

/**
 * A downstream reseller buys: in one transaction the request id is claimed, the order placed at the
 * reseller's wholesale price with its keys reserved, the balance drawn, the order paid, the ledger
 * posted and the keys delivered. Any refusal (no funds, sold out, bad input) leaves nothing behind.
 * The same request id places one order, ever: a retry with the same body gets that order, one with
 * another body a {@link RequestIdConflictException}; concurrent retries wait on the first one's
 * claim and then get its order.
 */
public final class PlaceResellerOrder {

  private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,64}$");

  private final PlaceOrder placeOrder;

  public PlaceResellerOrder(PlaceOrder placeOrder) {
    this.placeOrder = Objects.requireNonNull(placeOrder);
  }

  /**
   * What a reseller asks for.
   *
   * @param requestId the caller's id for this purchase (its own order-line id), 1-64 of {@code A-Z
   *     a-z 0-9 _ . : -}
   * @param inputs the product's declared buyer inputs (the account to top up), by name
   * @param callbackUrl where to POST the order's final state, signed with the caller's key;
   *     optional
   */
  public record ResellerOrderRequest(
      String requestId,
      UUID skuId,
      Integer quantity,
      Map<String, String> inputs,
      String callbackUrl) {}

  /** The order of a request, and whether it was placed by an earlier call with the same id. */
  public record Outcome(UUID orderId, boolean replayed) {}

  /**
   * Places (or finds) the order.
   *
   * @throws InvalidDockingException if the request is malformed (names the field)
   * @throws RequestIdConflictException if the id was used with another body
   * @throws InsufficientBalanceException if the balance does not cover the order
   * @throws org.kameng.kernel.order.InvalidOrderException if the SKU or inputs are wrong
   * @throws org.kameng.kernel.order.SoldOutException if there is not enough stock
   */
  public Outcome place(TenantId tenant, UUID resellerId, ResellerOrderRequest request) {
    return place(tenant, new ResellerApiKeys.Caller(resellerId, null), request);
  }

  /** The same, for a caller whose key signs the order's callback. */
  public Outcome place(
      TenantId tenant, ResellerApiKeys.Caller caller, ResellerOrderRequest request) {
    checked(request);
    byte[] bodyHash = bodyHash(request);
    return placeOrder.retryingContention(
        tenant, c -> placeOnce(c, tenant, caller, request, bodyHash));
  }

  private static Outcome placeOnce(
      Connection c,
      TenantId tenant,
      ResellerApiKeys.Caller caller,
      ResellerOrderRequest request,
      byte[] bodyHash)
      throws SQLException {
    UUID resellerId = caller.resellerId();
    UUID orderId = UUID.randomUUID();
    if (!claim(c, tenant, caller, request, bodyHash, orderId)) {
      return earlier(c, resellerId, request.requestId(), bodyHash);
    }
    UnitPriceRule rule = ruleFor(c, resellerId);
    OrderRequest order =
        new OrderRequest(
            request.skuId(),
            request.quantity() == null ? 1 : request.quantity(),
            "r-" + resellerId + "@resellers.invalid",
            null,
            null,
            request.inputs());
    PlacedOrder placed = PlaceOrder.placeIn(c, tenant, order, rule);
    relink(c, resellerId, request.requestId(), orderId, placed.id());
    if (!ResellerBalances.draw(c, resellerId, placed.total())) {
      if (!currencyOf(c, resellerId).equals(placed.total().currency())) {
        throw new InvalidDockingException(
            "skuId", "this SKU is priced in " + placed.total().currency() + ", the balance is not");
      }
      throw new InsufficientBalanceException(placed.total());
    }
    if (!OrderTransitions.move(
        c, tenant, placed.id(), OrderStatus.PAID, OrderStatus.PENDING_PAYMENT)) {
      throw new IllegalStateException("a new order was not pending payment");
    }
    Ledger.postResellerDraw(c, tenant, resellerId, placed.id(), placed.total(), feeBps(c));
    DeliverOrder.deliverPaid(c, tenant, placed.id());
    if (request.callbackUrl() != null) {
      ResellerCallbacks.schedule(c, tenant, placed.id(), 0, java.time.Instant.EPOCH);
    }
    return new Outcome(placed.id(), false);
  }

  // The claim comes first so that a concurrent retry of the same request waits on this row (its
  // INSERT blocks on our uncommitted key) instead of placing a second order.
  private static boolean claim(
      Connection c,
      TenantId tenant,
      ResellerApiKeys.Caller caller,
      ResellerOrderRequest request,
      byte[] bodyHash,
      UUID orderId)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.reseller_order (tenant_id, reseller_id, request_id, body_hash,"
                + " order_id, key_id, callback_url) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setObject(1, tenant.value());
      insert.setObject(2, caller.resellerId());
      insert.setString(3, request.requestId());
      insert.setBytes(4, bodyHash);
      insert.setObject(5, orderId);
      insert.setString(6, caller.keyId());
      insert.setString(7, request.callbackUrl());
      return insert.executeUpdate() == 1;
    }
  }

  private static void relink(
      Connection c, UUID resellerId, String requestId, UUID claimed, UUID placed)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE kameng.reseller_order SET order_id = ?"
                + " WHERE reseller_id = ? AND request_id = ? AND order_id = ?")) {
      update.setObject(1, placed);
      update.setObject(2, resellerId);
      update.setString(3, requestId);
      update.setObject(4, claimed);
      update.executeUpdate();
    }
  }

  private static Outcome earlier(Connection c, UUID resellerId, String requestId, byte[] bodyHash)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT body_hash, order_id FROM kameng.reseller_order"
                + " WHERE reseller_id = ? AND request_id = ?")) {
      select.setObject(1, resellerId);
      select.setString(2, requestId);
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("a claimed request id vanished");
        }
        if (!MessageDigest.isEqual(rs.getBytes(1), bodyHash)) {
          throw new RequestIdConflictException(requestId);
        }
        return new Outcome(rs.getObject(2, UUID.class), true);
      }
    }
  }

  private static UnitPriceRule ruleFor(Connection c, UUID resellerId) throws SQLException {
    var discount = DownstreamResellers.discountOf(c, resellerId);
    if (discount.isEmpty()) {
      return (list, cost) -> new UnitPriceRule.RuledPrice(list, "wholesale:none");
    }
    DownstreamResellers.Sourced sourced = discount.get();
    return (list, cost) -> sourced.discount().apply(list, cost, sourced.source());
  }

  private static String currencyOf(Connection c, UUID resellerId) throws SQLException {
    return DownstreamResellers.find(c, resellerId).orElseThrow().balance().currency();
  }

  static int feeBps(Connection c) throws SQLException {
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT platform_fee_bps FROM kameng.tenant WHERE id = kameng.current_tenant()");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void checked(ResellerOrderRequest request) {
    if (request == null) {
      throw new InvalidDockingException("requestId", "required");
    }
    if (request.requestId() == null || !REQUEST_ID.matcher(request.requestId()).matches()) {
      throw new InvalidDockingException(
          "requestId", "required: 1 to 64 of the characters A-Z a-z 0-9 _ . : -");
    }
    if (request.skuId() == null) {
      throw new InvalidDockingException("skuId", "required");
    }
    if (request.inputs() != null) {
      request
          .inputs()
          .forEach(
              (name, value) -> {
                if (name == null || value == null) {
                  throw new InvalidDockingException("inputs", "an object of text values");
                }
              });
    }
    if (request.callbackUrl() != null) {
      ResellerCallbacks.checkUrl(request.callbackUrl());
    }
  }

  // The request as the kernel understands it, not its bytes: a retry that formats the same JSON
  // differently is the same request.
  static byte[] bodyHash(ResellerOrderRequest request) {
    StringBuilder canonical =
        new StringBuilder()
            .append(request.skuId())
            .append('\n')
            .append(request.quantity() == null ? 1 : request.quantity())
            .append('\n')
            .append(request.callbackUrl() == null ? "" : request.callbackUrl())
            .append('\n');
    Map<String, String> inputs =
        new TreeMap<>(request.inputs() == null ? Map.of() : request.inputs());
    inputs.forEach(
        (k, v) ->
            canonical
                .append(k.length())
                .append(':')
                .append(k)
                .append('=')
                .append(v == null ? "" : v.strip())
                .append('\n'));
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
