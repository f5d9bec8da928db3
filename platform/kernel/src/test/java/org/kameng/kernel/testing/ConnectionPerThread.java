package org.kameng.kernel.testing;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A pool with one long-lived connection per thread, like a server's pool under load, without the
 * cost of a new PostgreSQL connection for every transaction of a concurrency test.
 */
public final class ConnectionPerThread extends ConnectionSource implements AutoCloseable {

  private final DataSource physical;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final List<Connection> opened = new CopyOnWriteArrayList<>();

  public ConnectionPerThread(DataSource physical) {
    this.physical = physical;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = current.get();
    if (connection == null) {
      connection = physical.getConnection();
      current.set(connection);
      opened.add(connection);
    }
    Connection target = connection;
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(target, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : opened) {
      c.close();
    }
  }
}
