package org.kameng.kernel.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Counts the database round trips made through a data source: every statement execution, commit,
 * rollback and savepoint operation (with the PostgreSQL driver each is one request and one wait for
 * the answer; {@code BEGIN} travels with the first statement and costs none). Unlike flows/s the
 * count does not depend on what else the machine is doing. With {@link #trace} on, the calling
 * thread also records what each round trip was, to print one flow's statements.
 */
final class RoundTrips implements DataSource {

  private static final Set<String> EXECUTIONS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate");
  private static final Set<String> CONNECTION_TRIPS =
      Set.of("commit", "rollback", "setSavepoint", "releaseSavepoint");

  private final DataSource target;
  private final LongAdder count = new LongAdder();
  private final ThreadLocal<List<String>> trace = new ThreadLocal<>();

  RoundTrips(DataSource target) {
    this.target = target;
  }

  /** Round trips so far, over all threads. */
  long count() {
    return count.sum();
  }

  /** Starts recording this thread's round trips. */
  void trace() {
    trace.set(new ArrayList<>());
  }

  /** Stops recording and returns what this thread's round trips were, in order. */
  List<String> traced() {
    List<String> done = trace.get();
    trace.remove();
    return done;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connection(target.getConnection(user, password));
  }

  private Connection connection(Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (CONNECTION_TRIPS.contains(method.getName())) {
                trip(method.getName().toUpperCase(java.util.Locale.ROOT));
              }
              Object result = invoke(physical, method, args);
              if (method.getName().equals("prepareStatement")) {
                return statement((PreparedStatement) result, (String) args[0]);
              }
              return result;
            });
  }

  private PreparedStatement statement(PreparedStatement physical, String sql) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            PreparedStatement.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            (proxy, method, args) -> {
              if (EXECUTIONS.contains(method.getName())) {
                trip(sql);
              }
              return invoke(physical, method, args);
            });
  }

  private void trip(String what) {
    count.increment();
    List<String> recorded = trace.get();
    if (recorded != null) {
      recorded.add(what.replaceAll("\\s+", " ").strip());
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
