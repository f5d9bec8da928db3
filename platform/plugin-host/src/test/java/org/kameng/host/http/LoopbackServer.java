package org.kameng.host.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 and a random port, counting the requests it answers. */
final class LoopbackServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
  volatile String lastRequestLine = "";

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(threads);
    server.start();
  }

  /** Serves a path; the handler's exchange is closed afterwards. */
  LoopbackServer on(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          requests.incrementAndGet();
          lastRequestLine = exchange.getRequestMethod() + " " + exchange.getRequestURI();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) -> lastHeaders.put(name.toLowerCase(), String.join(",", values)));
          try (exchange) {
            handler.handle(exchange);
          }
        });
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String host, String path) {
    return URI.create("http://" + host + ":" + port() + path);
  }

  static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
