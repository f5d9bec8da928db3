package org.kameng.server.storefront;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries;
import org.kameng.kernel.catalog.StorefrontCatalog.ProductView;
import org.kameng.kernel.catalog.StorefrontCatalog.SkuView;
import org.kameng.kernel.catalog.StorefrontCatalog.StockBadge;
import org.kameng.kernel.order.OrderLookup.BuyerView;
import org.kameng.kernel.order.OrderStatus;
import org.kameng.plugin.api.Money;
import org.kameng.server.themes.Html;

/**
 * The storefront's data as templates see it: plain maps of text, numbers and flags, with prices
 * formatted and states named the way themes test them ({@code in_stock}, {@code pending}, ...).
 * Nothing else of the kernel's objects reaches a template, and no cost, stock of hidden SKUs or
 * internal state that a buyer should not see.
 */
final class PageModels {

  // Buyers of these shops mostly read China time; the page says which zone it shows.
  private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC+8)'", Locale.ROOT);
  private static final Map<String, String> SYMBOLS =
      Map.of("CNY", "¥", "USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "HKD", "HK$");

  private PageModels() {}

  static String money(Money money) {
    String symbol = SYMBOLS.get(money.currency());
    return symbol != null
        ? symbol + money.toDecimalString()
        : money.toDecimalString() + " " + money.currency();
  }

  static String when(OffsetDateTime time) {
    return time == null ? "" : WHEN.format(time.withOffsetSameInstant(ZONE));
  }

  static String stock(StockBadge badge) {
    return badge.name().toLowerCase(Locale.ROOT);
  }

  /** A product as a card or row of a list: its cheapest SKU's price and its best stock badge. */
  static Map<String, Object> card(ProductView product) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("id", product.id().toString());
    card.put("name", product.name());
    card.put("url", "/p/" + product.id());
    card.put("category_id", product.categoryId() == null ? "" : product.categoryId().toString());
    card.put("fulfilment", product.fulfilment().name().toLowerCase(Locale.ROOT));
    String description = product.description() == null ? "" : product.description();
    card.put(
        "excerpt", description.length() > 140 ? description.substring(0, 139) + "…" : description);
    SkuView cheapest = null;
    boolean manyPrices = false;
    StockBadge best = StockBadge.SOLD_OUT;
    for (SkuView sku : product.skus()) {
      if (cheapest != null && sku.price().minorUnits() != cheapest.price().minorUnits()) {
        manyPrices = true;
      }
      if (cheapest == null || sku.price().minorUnits() < cheapest.price().minorUnits()) {
        cheapest = sku;
      }
      if (sku.stock().ordinal() < best.ordinal()) {
        best = sku.stock();
      }
    }
    card.put("price", cheapest == null ? "" : money(cheapest.price()));
    card.put("price_from", manyPrices);
    card.put("stock", stock(best));
    Integer available = null;
    for (SkuView sku : product.skus()) {
      if (sku.available() != null) {
        available = (available == null ? 0 : available) + sku.available();
      }
    }
    card.put("available", available);
    return card;
  }

  /** A product's page: every SKU with its tiers, the one chosen, the quantity bounds. */
  static Map<String, Object> product(
      ProductView product,
      Map<UUID, List<CatalogEntries.Tier>> tiers,
      UUID chosenSku,
      Integer quantity) {
    Map<String, Object> model = card(product);
    String description = product.description() == null ? "" : product.description();
    model.put(
        "description_html",
        new Html.Trusted(Html.escape(description).replace("\r\n", "\n").replace("\n", "<br>")));
    SkuView chosen = chosen(product, chosenSku);
    List<Map<String, Object>> skus = new ArrayList<>();
    for (SkuView sku : product.skus()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", sku.id().toString());
      s.put("name", sku.name());
      s.put("price", money(sku.price()));
      s.put("min", sku.minQuantity());
      s.put("max", sku.maxQuantity());
      s.put("available", sku.available());
      s.put("stock", stock(sku.stock()));
      s.put("selected", sku == chosen);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CatalogEntries.Tier tier : tiers.getOrDefault(sku.id(), List.of())) {
        rows.add(Map.of("min", tier.minQuantity(), "price", money(tier.price())));
      }
      s.put("tiers", rows);
      skus.add(s);
    }
    model.put("skus", skus);
    int min = chosen == null ? 1 : chosen.minQuantity();
    int max = chosen == null ? 1 : chosen.maxQuantity();
    model.put("min_quantity", min);
    model.put("max_quantity", max);
    model.put("quantity", quantity == null ? min : quantity);
    return model;
  }

  /** The SKU asked for if it is on sale, else the first one not sold out, else the first. */
  static SkuView chosen(ProductView product, UUID wanted) {
    SkuView first = null;
    SkuView firstInStock = null;
    for (SkuView sku : product.skus()) {
      if (sku.id().equals(wanted) && sku.stock() != StockBadge.SOLD_OUT) {
        return sku;
      }
      if (first == null) {
        first = sku;
      }
      if (firstInStock == null && sku.stock() != StockBadge.SOLD_OUT) {
        firstInStock = sku;
      }
    }
    return firstInStock != null ? firstInStock : first;
  }

  /** The unit price of {@code quantity} units: the best wholesale tier reached, else the price. */
  static Money unitPrice(SkuView sku, List<CatalogEntries.Tier> tiers, int quantity) {
    Money price = sku.price();
    for (CatalogEntries.Tier tier : tiers) {
      if (quantity >= tier.minQuantity() && tier.price().minorUnits() < price.minorUnits()) {
        price = tier.price();
      }
    }
    return price;
  }

  /** An order as its buyer sees it, keys included once delivered. */
  static Map<String, Object> order(BuyerView order, Map<String, String> texts) {
    Map<String, Object> model = new HashMap<>();
    String state = state(order.status());
    model.put("number", order.displayNumber());
    model.put("status", order.status().name());
    model.put("state", state);
    model.put("status_label", texts.getOrDefault("status_" + state, order.status().name()));
    model.put("total", money(order.total()));
    model.put("created_at", when(order.createdAt()));
    model.put("reserved_until", when(order.reservedUntil()));
    model.put("keys", List.copyOf(order.keys()));
    model.put("deliveries", List.copyOf(order.manualDeliveries()));
    return model;
  }

  /** The few states a buyer tells apart. */
  static String state(OrderStatus status) {
    switch (status) {
      case PENDING_PAYMENT:
        return "pending";
      case PAID:
      case DELIVERING:
        return "paid";
      case DELIVERED:
      case PARTIALLY_DELIVERED:
        return "delivered";
      case CANCELLED:
      case EXPIRED:
        return "closed";
      case PAID_UNDELIVERABLE:
        return "problem";
      default:
        return "refund";
    }
  }
}
