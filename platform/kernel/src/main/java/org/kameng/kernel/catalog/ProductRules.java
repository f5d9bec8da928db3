package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.kameng.plugin.api.TenantId;

/** The checks a product draft must pass before it is written. */
final class ProductRules {

  /** A draft that passed: stripped name, description never null, a known fulfilment. */
  record Valid(UUID categoryId, String name, String description, Fulfilment fulfilment) {}

  private ProductRules() {}

  static Valid checked(Connection c, TenantId tenant, ProductDraft draft) throws SQLException {
    Objects.requireNonNull(draft, "draft");
    String name = Rules.text("name", draft.name(), 1, 200);
    String description = Rules.optionalText("description", draft.description(), 20_000);
    Fulfilment fulfilment = fulfilment(draft.fulfilment());
    if (draft.categoryId() != null && !categoryExists(c, tenant, draft.categoryId())) {
      throw new InvalidCatalogException("categoryId", "no such category");
    }
    return new Valid(draft.categoryId(), name, description == null ? "" : description, fulfilment);
  }

  private static Fulfilment fulfilment(String value) {
    if (value == null) {
      throw new InvalidCatalogException("fulfilment", "required: " + choices());
    }
    try {
      return Fulfilment.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidCatalogException("fulfilment", "must be one of " + choices());
    }
  }

  private static String choices() {
    return String.join(", ", Arrays.stream(Fulfilment.values()).map(Enum::name).toList());
  }

  // KEY SHARE: the category cannot be deleted before the product that names it is committed.
  private static boolean categoryExists(Connection c, TenantId tenant, UUID id)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT 1 FROM kameng.category WHERE tenant_id = ? AND id = ? FOR KEY SHARE")) {
      select.setObject(1, tenant.value());
      select.setObject(2, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
