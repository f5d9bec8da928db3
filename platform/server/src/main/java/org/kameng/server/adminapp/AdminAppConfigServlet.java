package org.kameng.server.adminapp;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /admin/config.json}: the admin app's runtime configuration, public and secret-free. */
@WebServlet(AdminAppConfigServlet.PATH)
public class AdminAppConfigServlet extends HttpServlet {

  static final String PATH = "/admin/config.json";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject AdminAppConfig config;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.toJson(config.document()));
  }
}
