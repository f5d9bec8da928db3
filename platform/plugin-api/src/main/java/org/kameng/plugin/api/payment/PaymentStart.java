package org.kameng.plugin.api.payment;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the buyer continues to pay after {@link PaymentChannel#start}: the storefront renders one of
 * these three shapes and nothing else.
 */
public sealed interface PaymentStart {

  /**
   * Send the buyer's browser to a provider page (EPay's cashier URL).
   *
   * @param url an absolute {@code https} or {@code http} URL
   */
  record Redirect(URI url) implements PaymentStart {
    /** Refuses anything but an absolute http(s) URL (no {@code javascript:}). */
    public Redirect {
      requireWebUrl(url, "url");
    }
  }

  /**
   * Show a QR code the buyer scans with a payment app.
   *
   * @param content the text to encode, usually a URL; 1 to 2048 characters
   */
  record QrCode(String content) implements PaymentStart {
    /** Refuses blank or oversized content. */
    public QrCode {
      if (content == null || content.isBlank() || content.length() > 2048) {
        throw new IllegalArgumentException("QR content must be 1 to 2048 characters");
      }
    }
  }

  /**
   * Post a form from the buyer's browser to the provider (EPay's {@code submit.php}), which the
   * storefront submits automatically.
   *
   * @param action the form's absolute http(s) target
   * @param fields the form fields in the order to send them
   */
  record AutoSubmitForm(URI action, Map<String, String> fields) implements PaymentStart {
    /** Checks the action and copies the fields, keeping their order. */
    public AutoSubmitForm {
      requireWebUrl(action, "action");
      Map<String, String> copy = new LinkedHashMap<>();
      Objects.requireNonNull(fields, "fields")
          .forEach(
              (name, value) ->
                  copy.put(
                      Objects.requireNonNull(name, "field name"),
                      Objects.requireNonNull(value, "value of form field " + name)));
      fields = Collections.unmodifiableMap(copy);
    }
  }

  private static void requireWebUrl(URI url, String name) {
    Objects.requireNonNull(url, name);
    String scheme = url.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme)) || url.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + url);
    }
  }
}
