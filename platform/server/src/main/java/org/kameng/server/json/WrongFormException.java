package org.kameng.server.json;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A JSON body's field whose value its type refuses: answered as a 400 naming the field. */
public final class WrongFormException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  WrongFormException(String field, Class<?> type) {
    super("must be " + expected(type));
    this.field = field;
  }

  /** The field, dotted for a field of a nested object ({@code "address.city"}). */
  public String field() {
    return field;
  }

  private static String expected(Class<?> type) {
    if (type == UUID.class) {
      return "an id such as 00000000-0000-4000-8000-000000000000";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == BigDecimal.class) {
      return "a decimal number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a value of this field's type";
  }
}
