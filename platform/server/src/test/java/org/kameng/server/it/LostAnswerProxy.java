package org.kameng.server.it;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The network between two deployments, with one fault: it passes every request on to the upstream
 * deployment unchanged (Host header, signature headers and body as sent), except that the answer to
 * the FIRST order placed through it is held until the caller has timed out, then dropped. The
 * upstream has sold by then; only the caller does not know it, which is what a timeout is.
 */
final class LostAnswerProxy implements AutoCloseable {

  /** Longer than the connector's request timeout (OutboundRequest.DEFAULT_TIMEOUT, 10 s). */
  private static final long HOLD_MILLIS = 12_000;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String upstream;
  private final AtomicBoolean dropped = new AtomicBoolean();

  /** What the upstream answered to each order placed through here, the dropped one first. */
  final List<Integer> orderAnswers = new CopyOnWriteArrayList<>();

  /** Every request passed on, as "METHOD path". */
  final List<String> passed = new CopyOnWriteArrayList<>();

  LostAnswerProxy(String upstreamBaseUrl) throws IOException {
    this.upstream = upstreamBaseUrl;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(threads);
    server.createContext("/", this::pass);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void pass(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String target = exchange.getRequestURI().getRawPath();
      if (exchange.getRequestURI().getRawQuery() != null) {
        target += "?" + exchange.getRequestURI().getRawQuery();
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      RequestSpecification spec = given().baseUri(upstream).urlEncodingEnabled(false);
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        String name = header.getKey();
        if (name.equalsIgnoreCase("Content-Length")
            || name.equalsIgnoreCase("Connection")
            || name.equalsIgnoreCase("Transfer-Encoding")) {
          continue;
        }
        if (name.equalsIgnoreCase("Content-Type")) {
          spec = spec.contentType(header.getValue().get(0));
        } else {
          for (String value : header.getValue()) {
            spec = spec.header(name, value);
          }
        }
      }
      if (body.length > 0) {
        spec = spec.body(body);
      }
      passed.add(method + " " + target);
      Response answer = spec.request(method, target);
      boolean order = method.equals("POST") && target.endsWith("/api/reseller/v1/orders");
      if (order) {
        orderAnswers.add(answer.statusCode());
        if (dropped.compareAndSet(false, true)) {
          // The upstream has answered; the caller gives up waiting meanwhile and never hears it.
          try {
            Thread.sleep(HOLD_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return;
        }
      }
      byte[] out = answer.asByteArray();
      String type = answer.getContentType();
      if (type != null && !type.isEmpty()) {
        exchange.getResponseHeaders().set("Content-Type", type);
      }
      exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
