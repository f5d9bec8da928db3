package org.kameng.kernel.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kameng.kernel.catalog.CatalogEntries.InputField;
import org.kameng.plugin.api.TenantId;

/**
 * What a buyer must enter for a product (the account to top up, ...). Replaced as a whole, in the
 * order given, which is the order the storefront asks for them.
 */
public final class InputFields {

  private static final int MAX_FIELDS = 20;
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

  private InputFields() {}

  /** Replaces the product's input fields with {@code drafts}; an empty list removes them all. */
  public static List<InputField> replace(
      Connection c, TenantId tenant, UUID productId, List<InputFieldDraft> drafts)
      throws SQLException {
    Products.lockedFulfilment(c, tenant, productId);
    List<InputField> fields = checked(drafts);
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM kameng.product_input_field WHERE tenant_id = ? AND product_id = ?")) {
      delete.setObject(1, tenant.value());
      delete.setObject(2, productId);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO kameng.product_input_field"
                + " (tenant_id, product_id, name, label, pattern, required, position)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < fields.size(); i++) {
        InputField field = fields.get(i);
        insert.setObject(1, tenant.value());
        insert.setObject(2, productId);
        insert.setString(3, field.name());
        insert.setString(4, field.label());
        insert.setString(5, field.pattern());
        insert.setBoolean(6, field.required());
        insert.setInt(7, i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return fields;
  }

  private static List<InputField> checked(List<InputFieldDraft> drafts) {
    if (drafts == null) {
      throw new InvalidCatalogException("fields", "required; an empty list removes every field");
    }
    if (drafts.size() > MAX_FIELDS) {
      throw new InvalidCatalogException("fields", "at most " + MAX_FIELDS + " fields");
    }
    List<InputField> fields = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      String at = "fields[" + i + "]";
      InputFieldDraft draft = drafts.get(i);
      if (draft == null) {
        throw new InvalidCatalogException(at, "required");
      }
      String name = draft.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new InvalidCatalogException(
            at + ".name", "1 to 40 lower-case letters, digits or _, starting with a letter");
      }
      if (!names.add(name)) {
        throw new InvalidCatalogException(at + ".name", "another field has this name");
      }
      String label = Rules.text(at + ".label", draft.label(), 1, 100);
      String pattern = pattern(at + ".pattern", draft.pattern());
      fields.add(new InputField(name, label, pattern, !Boolean.FALSE.equals(draft.required())));
    }
    return fields;
  }

  // An empty pattern means none. A pattern that does not compile would let every value through at
  // checkout (OrderRequestRules skips broken patterns), so it is refused here.
  private static String pattern(String field, String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return null;
    }
    Rules.optionalText(field, pattern, 200);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new InvalidCatalogException(
          field, "not a valid regular expression: " + e.getDescription());
    }
    return pattern;
  }
}
