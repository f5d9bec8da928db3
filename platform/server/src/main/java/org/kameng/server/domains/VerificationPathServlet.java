package org.kameng.server.domains;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kameng.kernel.domain.ShopDomains;
import org.kameng.kernel.tenancy.Transactions;

/**
 * The platform's own answer at a domain's verification path: for a verified host, its token. A
 * custom domain pointing at the platform thereby keeps passing the daily check with no file or
 * record of the owner's ({@link DomainRechecks}); a pending host gets 404, so pointing a domain at
 * the platform never verifies it by itself.
 */
@WebServlet(HttpTokenCheck.PATH)
public class VerificationPathServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Transactions transactions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String host = request.getServerName();
    Optional<String> token =
        host == null || host.isBlank()
            ? Optional.empty()
            : transactions.platform(c -> ShopDomains.publishedToken(c, host));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (token.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain; charset=utf-8");
    response.getOutputStream().write(token.get().getBytes(StandardCharsets.US_ASCII));
  }
}
