package org.kameng.plugins.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.Recipient;

/**
 * The JSON a receiver gets, written by hand (the plugin has no JSON library and needs none):
 *
 * <pre>
 * {"id":"kameng-…","type":"order.delivered","createdAt":"2026-11-22T06:00:00Z",
 *  "recipient":"buyer","data":{"orderNumber":"1042","shopName":"…",…}}
 * </pre>
 *
 * {@code type} is the message kind in lower case with dots; {@code data} holds the kind's
 * variables, sorted by name. A buyer's email address is never sent: the shop's own systems have it,
 * and a webhook URL is not a place for personal data.
 */
final class WebhookEvent {

  private WebhookEvent() {}

  static String type(Message message) {
    return message.kind().name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  static String json(Message message) {
    StringBuilder out = new StringBuilder("{");
    field(out, "id", message.messageId()).append(',');
    field(out, "type", type(message)).append(',');
    field(out, "createdAt", message.createdAt().toString()).append(',');
    field(out, "recipient", message.recipient() instanceof Recipient.Buyer ? "buyer" : "staff");
    out.append(",\"data\":{");
    boolean first = true;
    for (Map.Entry<String, String> v : new TreeMap<>(message.variables()).entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      field(out, v.getKey(), v.getValue());
    }
    return out.append("}}").toString();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    return quote(quote(out, name).append(':'), value);
  }

  private static StringBuilder quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"');
  }
}
