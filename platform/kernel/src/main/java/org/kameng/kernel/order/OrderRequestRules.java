package org.kameng.kernel.order;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kameng.kernel.text.PlainText;

/** The checks an order request must pass before anything is written. */
final class OrderRequestRules {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final int MAX_INPUT_LENGTH = 200;

  private OrderRequestRules() {}

  /** Checks what needs no database: the buyer's email, contact and query password. */
  static void checkBuyer(OrderRequest request) {
    String email = request.buyerEmail();
    if (email == null
        || email.length() > 254
        || !PlainText.isSingleLine(email)
        || !EMAIL.matcher(email).matches()) {
      throw new InvalidOrderException("buyerEmail", "a valid email address is required");
    }
    String contact = request.buyerContact();
    if (contact != null && (contact.length() > 100 || !PlainText.isSingleLine(contact))) {
      throw new InvalidOrderException(
          "buyerContact", "at most 100 characters, without control characters");
    }
    String password = request.queryPassword();
    if (password != null
        && (password.length() < 6 || password.length() > 64 || !PlainText.isSingleLine(password))) {
      throw new InvalidOrderException(
          "queryPassword", "between 6 and 64 characters, without control characters");
    }
    if (request.skuId() == null) {
      throw new InvalidOrderException("skuId", "required");
    }
  }

  /** Checks the quantity and the inputs against what the offer allows. */
  static void checkAgainst(Offer offer, OrderRequest request) {
    int quantity = request.quantity();
    if (quantity < offer.minQuantity() || quantity > offer.maxQuantity()) {
      throw new InvalidOrderException(
          "quantity", "must be between " + offer.minQuantity() + " and " + offer.maxQuantity());
    }
    Set<String> declared = new HashSet<>();
    for (Offer.InputField field : offer.inputFields()) {
      declared.add(field.name());
      checkInput(field, request.inputs().get(field.name()));
    }
    for (String name : request.inputs().keySet()) {
      if (!declared.contains(name)) {
        throw new InvalidOrderException("inputs." + name, "this product has no such input");
      }
    }
  }

  private static void checkInput(Offer.InputField field, String value) {
    String at = "inputs." + field.name();
    if (value == null || value.isBlank()) {
      if (field.required()) {
        throw new InvalidOrderException(at, field.label() + " is required");
      }
      return;
    }
    if (value.length() > MAX_INPUT_LENGTH || !PlainText.isSingleLine(value)) {
      throw new InvalidOrderException(
          at, "at most " + MAX_INPUT_LENGTH + " characters, without control characters");
    }
    if (field.pattern() != null && !matches(field.pattern(), value)) {
      throw new InvalidOrderException(at, field.label() + " is not in the expected format");
    }
  }

  private static boolean matches(String pattern, String value) {
    try {
      return Pattern.compile(pattern).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      // The shop's pattern is broken: do not let that block every buyer.
      return true;
    }
  }

  static Map<String, String> trimmed(Map<String, String> inputs) {
    Map<String, String> out = new java.util.TreeMap<>();
    inputs.forEach((k, v) -> out.put(k, v == null ? "" : v.strip()));
    return out;
  }
}
