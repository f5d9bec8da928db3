package org.kameng.server.problem;

import java.util.List;

/**
 * An RFC 9457 problem document: every error the API returns has this shape, with the fields at
 * fault named so a client can show the message next to the input.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title a short, stable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, safe to show to the caller
 * @param errors the fields at fault, empty when the problem is not about input
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input field and why. */
  public record FieldError(String field, String message) {}

  /** A problem about no particular field. */
  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of());
  }

  /** A 400 naming the field at fault. */
  public static Problem invalid(String field, String message) {
    return new Problem(
        "about:blank", "Invalid input", 400, message, List.of(new FieldError(field, message)));
  }
}
