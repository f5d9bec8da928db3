package org.kameng.plugins.sandbox;

import org.kameng.plugin.api.http.InboundReply;

/**
 * The frame of every sandbox page: UTF-8, inline CSS only, no script, no external resource, and the
 * sandbox banner first, so nobody can take any of these pages for a real checkout. The banner is
 * plain text in a heading-sized element, so it stays unmistakable even where a content security
 * policy drops the style sheet.
 */
final class HtmlPage {

  private static final String STYLE =
      """
      *{box-sizing:border-box}
      body{margin:0;background:#f4f4f5;color:#18181b;line-height:1.5;
        font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
      .banner{background:repeating-linear-gradient(135deg,#facc15 0 24px,#fde047 24px 48px);
        border-bottom:6px solid #18181b;padding:20px 16px;text-align:center}
      .banner strong{display:block;font-size:clamp(22px,5vw,40px);font-weight:900;line-height:1.2}
      .banner span{display:block;margin-top:8px;font-size:15px}
      main{max-width:560px;margin:32px auto;background:#fff;border:1px solid #e4e4e7;
        border-radius:12px;padding:24px 28px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
      h1{font-size:22px;margin:0 0 16px}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:8px 16px;margin:0 0 24px}
      dt{color:#71717a}
      dd{margin:0;overflow-wrap:anywhere}
      .amount{font-size:28px;font-weight:700}
      form{display:flex;gap:12px;flex-wrap:wrap}
      button{flex:1 1 200px;font:inherit;font-weight:600;padding:14px 16px;border:0;
        border-radius:8px;color:#fff;cursor:pointer}
      .pay{background:#16a34a}
      .fail{background:#dc2626}
      .notice{padding:12px 16px;border-radius:8px;background:#f4f4f5;margin:0 0 16px}
      .notice.good{background:#dcfce7}
      .notice.bad{background:#fee2e2}
      .note{color:#52525b;font-size:14px}
      .back{display:inline-block;margin-top:8px;font-weight:600;color:#1d4ed8}
      footer{text-align:center;color:#a1a1aa;font-size:12px;margin:0 0 32px}
      """;

  private HtmlPage() {}

  /**
   * A complete page.
   *
   * @param status the HTTP status
   * @param title the page title, plain text (escaped here)
   * @param main the page's content, HTML in which every interpolated value is already escaped
   */
  static InboundReply of(int status, String title, String main) {
    String html =
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        <title>%s · SANDBOX 沙箱</title>
        <style>
        %s</style>
        </head>
        <body>
        <header class="banner">
        <strong>SANDBOX — no real money moves</strong>
        <strong>沙箱 — 不会真实扣款</strong>
        <span>This is the test checkout of a shop's sandbox payment channel: nothing is charged,
        whatever you click. 这是商店沙箱支付通道的测试页面，无论点击什么都不会扣款。</span>
        </header>
        <main>
        %s</main>
        <footer>Kameng payment-sandbox · test only · 仅供测试</footer>
        </body>
        </html>
        """
            .formatted(escape(title), STYLE, main);
    return InboundReply.html(status, html);
  }

  /**
   * Text made safe for HTML element content and quoted attribute values: the five characters that
   * can end a text or an attribute become references.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
