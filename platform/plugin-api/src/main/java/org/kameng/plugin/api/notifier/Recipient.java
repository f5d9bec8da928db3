package org.kameng.plugin.api.notifier;

import java.util.regex.Pattern;

/** Who a {@link Message} is for. */
public sealed interface Recipient {

  /**
   * The buyer of an order.
   *
   * @param email the address the buyer gave at checkout
   */
  record Buyer(String email) implements Recipient {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /** Refuses anything that is not shaped like an address. */
    public Buyer {
      if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
        throw new IllegalArgumentException("not an email address");
      }
    }

    /** Hides the address: logs must not collect buyers' personal data. */
    @Override
    public String toString() {
      return "Buyer[email=…]";
    }
  }

  /**
   * The shop's staff; the notifier sends where its configuration says (an email list, the shop's
   * webhook URL).
   */
  record ShopStaff() implements Recipient {}
}
