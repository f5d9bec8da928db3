package org.kameng.plugins.sandbox;

import static org.kameng.plugins.sandbox.HtmlPage.escape;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.kameng.plugin.api.http.InboundReply;
import org.kameng.plugins.sandbox.NotifySender.Delivery;

/**
 * The sandbox checkout's pages, in Chinese and English side by side since the page does not know
 * the buyer's language. Every value shown comes from the shop or the URL and is escaped; the texts
 * are this class's own.
 */
final class CheckoutPages {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private CheckoutPages() {}

  /** The undecided payment with its two buttons, which post back to this same page. */
  static InboundReply pay(StartedPayment payment) {
    return HtmlPage.of(
        200,
        "确认测试支付 Confirm the test payment",
        "<h1>确认测试支付 · Confirm the test payment</h1>\n"
            + details(payment)
            + "<form method=\"post\">\n"
            + button(Decision.PAY, "模拟支付成功 · Simulate a successful payment")
            + button(Decision.FAIL, "模拟支付失败 · Simulate a failed payment")
            + "</form>\n"
            + "<p class=\"note\">选择后会立即以签名通知告知商店。"
            + " The shop is told at once with a signed notice.</p>\n");
  }

  /** A payment past its expiry with no decision: nothing to click. */
  static InboundReply expired(StartedPayment payment) {
    return HtmlPage.of(
        410,
        "测试支付已过期 Test payment expired",
        "<h1>此测试支付已过期 · This test payment has expired</h1>\n"
            + details(payment)
            + "<p class=\"notice bad\">已超过支付期限，不能再作出选择，也不会通知商店。"
            + " The time to pay is over: no decision can be taken and the shop is not notified.</p>\n"
            + back(payment));
  }

  /** The page after the click that decided the payment, with what became of the notify. */
  static InboundReply decidedNow(StartedPayment payment, Decided decided, Delivery delivery) {
    return decided(payment, decided, "已记录你的选择。 Your decision is recorded.", Optional.of(delivery));
  }

  /**
   * The page after a later click, which changed nothing: the first decision with the result of
   * sending its notify again.
   */
  static InboundReply decidedBefore(StartedPayment payment, Decided decided, Delivery delivery) {
    return decided(
        payment,
        decided,
        "此支付之前已有决定，以第一次的选择为准，通知已重新发送。"
            + " This payment was decided before: the first decision stands and its notice was"
            + " sent again.",
        Optional.of(delivery));
  }

  /** A visit to a decided payment's page: the decision, nothing sent. */
  static InboundReply decidedView(StartedPayment payment, Decided decided) {
    return decided(payment, decided, "此支付已有决定。 This payment has been decided.", Optional.empty());
  }

  private static InboundReply decided(
      StartedPayment payment, Decided decided, String notice, Optional<Delivery> delivery) {
    String heading =
        decided.decision() == Decision.PAY
            ? "测试支付成功 · Test payment succeeded"
            : "测试支付失败 · Test payment failed";
    String main =
        "<h1>"
            + heading
            + "</h1>\n"
            + details(payment)
            + "<p class=\"notice\">"
            + notice
            + "</p>\n"
            + "<p class=\"note\">决定时间 · Decided at "
            + escape(TIME.format(decided.decidedAt()))
            + "</p>\n"
            + delivery.map(CheckoutPages::delivery).orElse("")
            + back(payment);
    return HtmlPage.of(200, heading, main);
  }

  /** No payment has this reference, or the path names no page. */
  static InboundReply notFound() {
    return HtmlPage.of(
        404,
        "找不到测试支付 Test payment not found",
        "<h1>找不到此测试支付 · No such test payment</h1>\n"
            + "<p>链接有误或已失效。 The link is wrong or no longer valid.</p>\n");
  }

  /** A request the page cannot act on; {@code why} is this plugin's own text, never input. */
  static InboundReply badRequest(String why) {
    return HtmlPage.of(
        400,
        "无效请求 Bad request",
        "<h1>无法处理此请求 · This request cannot be handled</h1>\n<p>" + escape(why) + "</p>\n");
  }

  /** A method other than GET and POST. */
  static InboundReply methodNotAllowed() {
    return HtmlPage.of(
        405,
        "不支持的请求 Method not allowed",
        "<h1>不支持的请求方式 · Method not allowed</h1>\n"
            + "<p>本页只接受 GET 和 POST。 This page answers GET and POST only.</p>\n");
  }

  private static String details(StartedPayment payment) {
    return "<dl>\n"
        + row("订单号 · Order number", escape(payment.orderNumber()))
        + row("商品 · Item", escape(payment.subject()))
        + "<dt>金额 · Amount</dt><dd class=\"amount\">"
        + escape(payment.amount().toDecimalString() + " " + payment.amount().currency())
        + "</dd>\n"
        + row("支付期限 · Pay before", escape(TIME.format(payment.expiresAt())))
        + "</dl>\n";
  }

  private static String row(String label, String escapedValue) {
    return "<dt>" + label + "</dt><dd>" + escapedValue + "</dd>\n";
  }

  /** A submit button posting {@code decision=<value>}; its CSS class is the value too. */
  private static String button(Decision decision, String label) {
    return "<button type=\"submit\" name=\"decision\" value=\""
        + decision.formValue()
        + "\" class=\""
        + decision.formValue()
        + "\">"
        + label
        + "</button>\n";
  }

  private static String delivery(Delivery delivery) {
    if (delivery.acknowledged()) {
      return "<p class=\"notice good\">商店已确认收到通知。 The shop acknowledged the notice.</p>\n";
    }
    String what =
        delivery.answered()
            ? "商店未确认通知（HTTP "
                + delivery.httpStatus()
                + "）。 The shop did not acknowledge the notice (HTTP "
                + delivery.httpStatus()
                + ")."
            : "通知未能发送。 The notice could not be sent.";
    return "<p class=\"notice bad\">"
        + what
        + " 选择已记录，商店会通过查询取得结果。"
        + " The decision is recorded; the shop will pick it up by querying.</p>\n";
  }

  /** The way back to the shop, if its return URL is a web address (it comes from the host). */
  private static String back(StartedPayment payment) {
    URI url = payment.returnUrl();
    if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
      return "";
    }
    return "<p><a class=\"back\" href=\""
        + escape(url.toString())
        + "\">返回商店 · Back to the shop</a></p>\n";
  }
}
