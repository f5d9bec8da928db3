package org.kameng.plugin.api.supplier;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One input the upstream needs from the buyer to fulfil an item (a game account, a phone number to
 * top up), part of the item's buyer-input template. The storefront asks for it at checkout.
 *
 * @param name the key the upstream expects the value under
 * @param label what the buyer sees, as the upstream names it
 * @param required whether the order cannot be placed without it
 * @param pattern a regular expression the whole value must match, if the upstream states one
 */
public record BuyerInputField(
    String name, String label, boolean required, Optional<String> pattern) {

  /** Refuses blanks and invalid patterns. */
  public BuyerInputField {
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("input name must be 1 to 64 characters");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("label of input " + name + " must not be blank");
    }
    Objects.requireNonNull(pattern, "pattern");
    pattern.ifPresent(
        p -> {
          try {
            Pattern.compile(p);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("input " + name + ": invalid pattern", e);
          }
        });
  }
}
