package org.kameng.plugins.smtp;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kameng.plugin.api.notifier.Message;
import org.kameng.plugin.api.notifier.MessageKind;

/**
 * The subject and text of each kind of message, in Chinese (any {@code zh} locale) and English
 * (every other locale). Placeholders {@code {name}} are the variables {@link MessageKind} documents
 * for the kind; a message that lacks one cannot be written, which is the host's bug to see in the
 * audit log rather than a mail with a hole in it.
 */
public final class MailTemplates {

  /**
   * A written mail.
   *
   * @param subject one line
   * @param text the body
   */
  public record Written(String subject, String text) {}

  private record Template(String subject, String text) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private static final Map<MessageKind, Template> ZH = new EnumMap<>(MessageKind.class);
  private static final Map<MessageKind, Template> EN = new EnumMap<>(MessageKind.class);

  static {
    ZH.put(
        MessageKind.ORDER_DELIVERED,
        new Template(
            "【{shopName}】订单 {orderNumber} 已发货",
            "您好，\n\n您在 {shopName} 的订单 {orderNumber} 已发货。请打开订单页面查看卡密：\n{orderUrl}\n\n"
                + "请勿将订单链接转发给他人。"));
    EN.put(
        MessageKind.ORDER_DELIVERED,
        new Template(
            "[{shopName}] Order {orderNumber} was delivered",
            "Hello,\n\nyour order {orderNumber} at {shopName} was delivered. Open the order page to"
                + " see your keys:\n{orderUrl}\n\nDo not share this link."));
    ZH.put(
        MessageKind.ORDER_REFUNDED,
        new Template(
            "【{shopName}】订单 {orderNumber} 已退款",
            "您好，\n\n您在 {shopName} 的订单 {orderNumber} 已退款 {amount}。订单页面：\n{orderUrl}"));
    EN.put(
        MessageKind.ORDER_REFUNDED,
        new Template(
            "[{shopName}] Order {orderNumber} was refunded",
            "Hello,\n\n{amount} of your order {orderNumber} at {shopName} was refunded. Order page:\n"
                + "{orderUrl}"));
    ZH.put(
        MessageKind.LOW_STOCK,
        new Template(
            "【{shopName}】库存不足：{productName} {skuName}",
            "{productName}（{skuName}）只剩 {stock} 件库存，请及时补货。\n\n{shopUrl}"));
    EN.put(
        MessageKind.LOW_STOCK,
        new Template(
            "[{shopName}] Low stock: {productName} {skuName}",
            "{productName} ({skuName}) is down to {stock} in stock. Restock it soon.\n\n{shopUrl}"));
    ZH.put(
        MessageKind.PAYMENT_FAILED,
        new Template(
            "【{shopName}】订单 {orderNumber} 支付失败",
            "订单 {orderNumber}（{amount}）通过 {channel} 支付失败。\n\n{shopUrl}"));
    EN.put(
        MessageKind.PAYMENT_FAILED,
        new Template(
            "[{shopName}] Payment failed for order {orderNumber}",
            "The payment of order {orderNumber} ({amount}) through {channel} failed.\n\n{shopUrl}"));
    ZH.put(
        MessageKind.PAID_UNDELIVERABLE,
        new Template(
            "【{shopName}】订单 {orderNumber} 已付款但无法发货",
            "订单 {orderNumber} 已付款 {amount}，但无法发货：{reason}。\n请手动发货或退款。\n\n{shopUrl}"));
    EN.put(
        MessageKind.PAID_UNDELIVERABLE,
        new Template(
            "[{shopName}] Order {orderNumber} is paid but cannot be delivered",
            "Order {orderNumber} was paid {amount} but cannot be delivered: {reason}.\n"
                + "Deliver it by hand or refund it.\n\n{shopUrl}"));
    ZH.put(
        MessageKind.UPSTREAM_FAILED,
        new Template(
            "【{shopName}】订单 {orderNumber} 的上游采购失败",
            "订单 {orderNumber} 在上游 {supplier} 的采购失败：{reason}。\n\n{shopUrl}"));
    EN.put(
        MessageKind.UPSTREAM_FAILED,
        new Template(
            "[{shopName}] Upstream purchase failed for order {orderNumber}",
            "The purchase of order {orderNumber} from {supplier} failed: {reason}.\n\n{shopUrl}"));
    ZH.put(
        MessageKind.UPSTREAM_CLOSED,
        new Template(
            "【{shopName}】上游变化，已下架：{productName} {skuName}",
            "上游价格与库存同步已将 {productName}（{skuName}）下架，原因：{reason}。\n"
                + "上游恢复后会自动重新上架；也可以调整售价后手动上架。\n\n{shopUrl}"));
    EN.put(
        MessageKind.UPSTREAM_CLOSED,
        new Template(
            "[{shopName}] Taken off sale by the upstream sync: {productName} {skuName}",
            "The upstream price and stock sync took {productName} ({skuName}) off sale: {reason}.\n"
                + "It goes back on sale by itself when the upstream recovers; or change its price"
                + " and put it back on sale yourself.\n\n{shopUrl}"));
  }

  private MailTemplates() {}

  /**
   * The mail for a message, or empty for a kind this version does not know (the API may add kinds
   * in minor versions).
   *
   * @throws IllegalArgumentException if the message lacks a variable its kind documents
   */
  public static Optional<Written> write(Message message) {
    Map<MessageKind, Template> language = isChinese(message.locale()) ? ZH : EN;
    Template template = language.get(message.kind());
    if (template == null) {
      return Optional.empty();
    }
    String footer =
        isChinese(message.locale())
            ? "\n\n—— 此邮件由 {shopName} 自动发送，请勿直接回复。"
            : "\n\n-- Sent automatically by {shopName}; replies are not read.";
    return Optional.of(
        new Written(
            oneLine(fill(template.subject(), message)), fill(template.text() + footer, message)));
  }

  private static boolean isChinese(Locale locale) {
    return locale.getLanguage().equals("zh");
  }

  private static String fill(String template, Message message) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(message.variable(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  // A product name with a line break must not break the Subject header; 200 is MailMessage's limit.
  private static String oneLine(String subject) {
    String line = subject.replaceAll("[\\r\\n\\x00]+", " ").strip();
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }
}
