package org.kameng.server.storefront;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import org.kameng.server.themes.Html;

/**
 * A payment channel's QR code as inline SVG: drawn on the server, so the page needs no image
 * service and no script, and the content (a payment link) is never sent anywhere else.
 */
final class QrCodes {

  private QrCodes() {}

  /** The QR code of {@code content} as an SVG element, or nothing if there is no content. */
  static Object svg(String content) {
    if (content == null || content.isEmpty()) {
      return "";
    }
    QrCode qr;
    try {
      qr = QrCode.encodeText(content, QrCode.Ecc.MEDIUM);
    } catch (DataTooLongException e) {
      return "";
    }
    int border = 2;
    int size = qr.size + border * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
        }
      }
    }
    return new Html.Trusted(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
            + size
            + " "
            + size
            + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
            + path
            + "\" fill=\"#000\"/></svg>");
  }
}
