package org.engagement.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A real connection whose result sets fail part-way as a faulty driver would: reading a text value of row
 * {@code n} throws an unchecked exception, which the importer contains, ending the import with a report.
 */
final class FaultyDriver {
  private FaultyDriver() {}

  /** {@code connection}, whose queries' row {@code n} (from 1) fails when a text value of it is read. */
  static Connection failingOnRow(Connection connection, long n) {
    return wrap(Connection.class, connection, (target, method, args) -> {
      Object result = invoke(method, target, args);
      return result instanceof PreparedStatement statement ? statement(statement, n) : result;
    });
  }

  private static PreparedStatement statement(PreparedStatement statement, long n) {
    return wrap(PreparedStatement.class, statement, (target, method, args) -> {
      Object result = invoke(method, target, args);
      return method.getName().equals("executeQuery") ? rows((ResultSet) result, n) : result;
    });
  }

  private static ResultSet rows(ResultSet rows, long n) {
    long[] row = {0};
    return wrap(ResultSet.class, rows, (target, method, args) -> {
      if (method.getName().equals("next")) {
        row[0]++;
      } else if (method.getName().equals("getString") && row[0] == n) {
        throw new IllegalStateException("driver fault on row " + n);
      }
      return invoke(method, target, args);
    });
  }

  /** What a wrapper does with a call to the object it wraps. */
  private interface Call<T> {
    Object on(T target, Method method, Object[] args) throws Throwable;
  }

  private static <T> T wrap(Class<T> type, T target, Call<T> call) {
    InvocationHandler handler = (proxy, method, args) -> call.on(target, method, args);
    return type.cast(Proxy.newProxyInstance(FaultyDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
