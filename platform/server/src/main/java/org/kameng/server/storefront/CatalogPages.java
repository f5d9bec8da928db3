package org.kameng.server.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kameng.kernel.catalog.CatalogEntries;
import org.kameng.kernel.catalog.StorefrontCatalog;
import org.kameng.kernel.catalog.StorefrontCatalog.ProductView;
import org.kameng.kernel.catalog.StorefrontCatalog.SkuView;
import org.kameng.kernel.catalog.StorefrontDetails;
import org.kameng.kernel.payment.Channels;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.plugin.api.Money;
import org.kameng.server.plugins.PaymentChannels;
import org.kameng.server.themes.ShopLooks;

/** The pages a buyer browses: home, category, product, and the checkout form. */
@ApplicationScoped
public class CatalogPages {

  @Inject Transactions transactions;
  @Inject CurrentLooks looks;
  @Inject PaymentChannels paymentChannels;
  @Inject RecentPages recentPages;

  private record Shelf(
      ShopLooks.Look look,
      List<CatalogEntries.Category> categories,
      List<ProductView> products,
      List<Channels.Choice> channels) {}

  private record ProductPage(ProductView product, StorefrontDetails.PageDetails details) {}

  private Shelf shelf(Shop shop) {
    return shelf(shop, looks.of(shop));
  }

  private Shelf shelf(Shop shop, ShopLooks.Look look) {
    return transactions.inTenant(
        shop.tenant(),
        c ->
            new Shelf(
                look,
                StorefrontDetails.categories(c),
                StorefrontCatalog.products(c),
                Channels.enabled(c)));
  }

  /** The home page, or a category's page if {@code categoryId} is set. */
  void home(Shop shop, UUID categoryId, PageWriter page) throws IOException {
    ShopLooks.Look look = looks.of(shop);
    page.forShop(shop, look);
    if (!shop.active()) {
      ErrorPages.write(page, 403, "suspended", null);
      return;
    }
    if (page.sharable()) {
      // The same for every buyer: kept a few seconds for the next ones (RecentPages).
      Optional<RecentPages.Page> kept =
          recentPages.get(
              new RecentPages.Key(shop, look, page.locale(), "home", categoryId, null, page.path()),
              () ->
                  homeData(shelf(shop, look), categoryId)
                      .map(
                          data ->
                              page.renderShared(
                                  shop, "home", homeKind(data), homeTitle(data), data)));
      if (kept.isPresent()) {
        page.writeShared(kept.get());
      } else {
        ErrorPages.write(page, 404, "not_found", null);
      }
      return;
    }
    Optional<Map<String, Object>> data = homeData(shelf(shop, look), categoryId);
    if (data.isEmpty()) {
      notFound(shop, page);
      return;
    }
    page.write(200, "home", homeKind(data.get()), homeTitle(data.get()), data.get());
  }

  private static String homeKind(Map<String, Object> data) {
    return data.get("category") == null ? "home" : "category";
  }

  private static String homeTitle(Map<String, Object> data) {
    @SuppressWarnings("unchecked")
    Map<String, Object> category = (Map<String, Object>) data.get("category");
    return category == null ? "" : (String) category.get("name");
  }

  /** The home page's data for a shop in {@code look} (the admin API previews with it). */
  Map<String, Object> homePreview(Shop shop) {
    return homeData(shelf(shop), null).orElseThrow();
  }

  /** The first product's page data, or empty if the shop has none. */
  Optional<Map<String, Object>> productPreview(Shop shop) {
    Shelf shelf = shelf(shop);
    if (shelf.products().isEmpty()) {
      return Optional.empty();
    }
    ProductView product = shelf.products().get(0);
    StorefrontDetails.Extras extras =
        transactions.inTenant(shop.tenant(), c -> StorefrontDetails.of(c, product.id()));
    return Optional.of(
        new HashMap<>(Map.of("product", PageModels.product(product, extras.tiers(), null, null))));
  }

  private Optional<Map<String, Object>> homeData(Shelf shelf, UUID categoryId) {
    Map<String, Object> category = null;
    List<Map<String, Object>> categories = new ArrayList<>();
    for (CatalogEntries.Category c : shelf.categories()) {
      long count = shelf.products().stream().filter(p -> c.id().equals(p.categoryId())).count();
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("id", c.id().toString());
      model.put("name", c.name());
      model.put("url", "/c/" + c.id());
      model.put("product_count", count);
      model.put("current", c.id().equals(categoryId));
      categories.add(model);
      if (c.id().equals(categoryId)) {
        category = model;
      }
    }
    if (categoryId != null && category == null) {
      return Optional.empty();
    }
    List<Map<String, Object>> products = new ArrayList<>();
    for (ProductView p : shelf.products()) {
      if (categoryId == null || categoryId.equals(p.categoryId())) {
        products.add(PageModels.card(p));
      }
    }
    Map<String, Object> data = new HashMap<>();
    data.put("categories", categories);
    data.put("products", products);
    if (category != null) {
      data.put("category", category);
    }
    return Optional.of(data);
  }

  /** A product's page; {@code ?sku=} picks a SKU, {@code ?quantity=} the quantity shown. */
  void product(Shop shop, UUID productId, HttpServletRequest request, PageWriter page)
      throws IOException {
    productPage(
        shop,
        productId,
        StorefrontPages.uuid(request.getParameter("sku")).orElse(null),
        null,
        null,
        200,
        page);
  }

  private void productPage(
      Shop shop,
      UUID productId,
      UUID sku,
      Integer quantity,
      String error,
      int status,
      PageWriter page)
      throws IOException {
    ShopLooks.Look look = looks.of(shop);
    page.forShop(shop, look);
    if (!shop.active()) {
      ErrorPages.write(page, 403, "suspended", null);
      return;
    }
    if (error == null && quantity == null && page.sharable()) {
      // The same for every buyer: kept a few seconds for the next ones (RecentPages).
      Optional<RecentPages.Page> kept =
          recentPages.get(
              new RecentPages.Key(
                  shop, look, page.locale(), "product", productId, sku, page.path()),
              () ->
                  Optional.ofNullable(loadProduct(shop, productId))
                      .map(
                          loaded ->
                              page.renderShared(
                                  shop,
                                  "product",
                                  "product",
                                  loaded.product().name(),
                                  productData(loaded, sku, null, null))));
      if (kept.isPresent()) {
        page.writeShared(kept.get());
      } else {
        ErrorPages.write(page, 404, "not_found", null);
      }
      return;
    }
    ProductPage loaded = loadProduct(shop, productId);
    if (loaded == null) {
      ErrorPages.write(page, 404, "not_found", null);
      return;
    }
    page.write(
        status,
        "product",
        "product",
        loaded.product().name(),
        productData(loaded, sku, quantity, error));
  }

  /**
   * The product and what its page shows besides, or null if the shop shows no such product: one
   * transaction of two statements, reading only this product's rows however large the catalog (P4).
   */
  private ProductPage loadProduct(Shop shop, UUID productId) {
    return transactions.inTenant(
        shop.tenant(),
        c -> {
          Optional<ProductView> found = StorefrontCatalog.product(c, productId);
          return found.isEmpty()
              ? null
              : new ProductPage(
                  found.get(), StorefrontDetails.forPage(c, productId, found.get().categoryId()));
        });
  }

  private static Map<String, Object> productData(
      ProductPage loaded, UUID sku, Integer quantity, String error) {
    ProductView product = loaded.product();
    StorefrontDetails.Extras extras = loaded.details().extras();
    Map<String, Object> data = new HashMap<>();
    data.put("product", PageModels.product(product, extras.tiers(), sku, quantity));
    if (loaded.details().categoryName() != null) {
      data.put(
          "category",
          Map.of("name", loaded.details().categoryName(), "url", "/c/" + product.categoryId()));
    }
    if (error != null) {
      data.put("error", error);
    }
    return data;
  }

  /** The checkout form for {@code ?sku=&quantity=}: contact, inputs, coupon, payment channel. */
  void checkout(
      Shop shop, HttpServletRequest request, HttpServletResponse response, PageWriter page)
      throws IOException {
    Optional<UUID> skuId = StorefrontPages.uuid(request.getParameter("sku"));
    if (skuId.isEmpty()) {
      response.sendRedirect("/");
      return;
    }
    checkoutPage(
        shop,
        skuId.get(),
        quantity(request.getParameter("quantity")),
        Map.of(),
        Map.of(),
        null,
        200,
        page);
  }

  /**
   * Renders the checkout form, again with the buyer's values and the faults when an order was
   * refused.
   */
  void checkoutPage(
      Shop shop,
      UUID skuId,
      int quantity,
      Map<String, String> form,
      Map<String, String> errors,
      String error,
      int status,
      PageWriter page)
      throws IOException {
    Shelf shelf = shelf(shop);
    page.forShop(shop, shelf.look());
    if (!shop.active()) {
      ErrorPages.write(page, 403, "suspended", null);
      return;
    }
    ProductView product = null;
    SkuView sku = null;
    for (ProductView p : shelf.products()) {
      for (SkuView s : p.skus()) {
        if (s.id().equals(skuId)) {
          product = p;
          sku = s;
        }
      }
    }
    if (sku == null) {
      notFound(shop, page);
      return;
    }
    if (quantity < sku.minQuantity() || quantity > sku.maxQuantity()) {
      productPage(
          shop,
          product.id(),
          skuId,
          quantity,
          page.text("quantity_hint")
              .replace("%min", Integer.toString(sku.minQuantity()))
              .replace("%max", Integer.toString(sku.maxQuantity())),
          400,
          page);
      return;
    }
    UUID productId = product.id();
    StorefrontDetails.Extras extras =
        transactions.inTenant(shop.tenant(), c -> StorefrontDetails.of(c, productId));
    Money unit = PageModels.unitPrice(sku, extras.tiers().getOrDefault(skuId, List.of()), quantity);
    Map<String, Object> checkout = new HashMap<>();
    checkout.put("product", PageModels.card(product));
    checkout.put(
        "sku",
        Map.of(
            "id", sku.id().toString(), "name", sku.name(), "price", PageModels.money(sku.price())));
    checkout.put("quantity", quantity);
    checkout.put("unit_price", PageModels.money(unit));
    checkout.put("total", PageModels.money(unit.times(quantity)));
    List<Map<String, Object>> fields = new ArrayList<>();
    for (CatalogEntries.InputField f : extras.inputFields()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("name", f.name());
      field.put("label", f.label());
      field.put("required", f.required());
      field.put("value", form.getOrDefault("input." + f.name(), ""));
      field.put("error", errors.getOrDefault("inputs." + f.name(), ""));
      fields.add(field);
    }
    checkout.put("fields", fields);
    List<Map<String, Object>> channels = new ArrayList<>();
    String chosen = form.get("channel");
    for (Channels.Choice ch : paymentChannels.offeredOnly(shelf.channels(), shop.tenant())) {
      boolean checked = chosen == null ? channels.isEmpty() : chosen.equals(ch.id().toString());
      channels.add(Map.of("id", ch.id().toString(), "name", ch.name(), "checked", checked));
    }
    checkout.put("channels", channels);
    Map<String, Object> data = new HashMap<>();
    data.put("checkout", checkout);
    data.put("form", Map.copyOf(form));
    data.put("errors", Map.copyOf(errors));
    if (error != null) {
      data.put("error", error);
    }
    page.write(status, "checkout", "checkout", page.text("checkout"), data, true, null, 0);
  }

  void notFound(Shop shop, PageWriter page) throws IOException {
    page.forShop(shop, looks.of(shop));
    ErrorPages.write(page, 404, "not_found", null);
  }

  static int quantity(String text) {
    try {
      return text == null ? 1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
