package org.kameng.server.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kameng.kernel.catalog.CatalogConflictException;
import org.kameng.kernel.catalog.CatalogItemNotFoundException;
import org.kameng.kernel.catalog.InvalidCatalogException;
import org.kameng.kernel.inventory.InvalidImportException;
import org.kameng.kernel.inventory.SkuNotFoundException;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.ShopClosedException;
import org.kameng.kernel.order.SoldOutException;
import org.kameng.kernel.tenant.InvalidSignupException;
import org.kameng.kernel.tenant.SlugTakenException;
import org.kameng.server.signup.KeycloakUnavailableException;

/**
 * Turns every exception that escapes a resource into a problem document. Client errors keep their
 * status and say what was wrong; anything else becomes a 500 whose detail names only an incident
 * id, so no stack trace, SQL or secret ever reaches a caller.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof ConstraintViolationException violations) {
      return respond(
          new Problem(
              "about:blank",
              "Invalid input",
              400,
              "Some fields are not valid.",
              violations.getConstraintViolations().stream()
                  .map(ProblemExceptionMapper::fieldError)
                  .sorted((a, b) -> a.field().compareTo(b.field()))
                  .toList()));
    }
    if (exception instanceof JsonbException || exception instanceof JsonException) {
      // Unreadable request bodies: the parser's message quotes the input, so it is not echoed.
      return respond(
          new Problem(
              "about:blank",
              "Invalid input",
              400,
              "The request body is not valid JSON of the expected shape.",
              List.of()));
    }
    if (exception instanceof SkuNotFoundException) {
      return respond(new Problem("about:blank", "Not Found", 404, "No such SKU.", List.of()));
    }
    if (exception instanceof InvalidImportException invalid) {
      return respond(
          new Problem("about:blank", "Invalid input", 400, invalid.getMessage(), List.of()));
    }
    if (exception instanceof InvalidSignupException invalid) {
      return respond(
          new Problem(
              "about:blank",
              "Invalid input",
              400,
              invalid.getMessage(),
              List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))));
    }
    if (exception instanceof SlugTakenException taken) {
      return respond(
          new Problem(
              "about:blank",
              "Conflict",
              409,
              taken.getMessage(),
              List.of(new Problem.FieldError("slug", taken.getMessage()))));
    }
    if (exception instanceof KeycloakUnavailableException unavailable) {
      return respond(
          new Problem(
              "about:blank", "Service Unavailable", 503, unavailable.getMessage(), List.of()));
    }
    if (exception instanceof InvalidOrderException invalid) {
      return respond(
          new Problem(
              "about:blank",
              "Invalid input",
              400,
              invalid.getMessage(),
              List.of(new Problem.FieldError(invalid.field(), invalid.getMessage()))));
    }
    Problem catalog = catalogProblem(exception);
    if (catalog != null) {
      return respond(catalog);
    }
    if (exception instanceof SoldOutException soldOut) {
      return respond(new Problem("about:blank", "Sold out", 409, soldOut.getMessage(), List.of()));
    }
    if (exception instanceof ShopClosedException closed) {
      return respond(
          new Problem("about:blank", "Shop closed", 403, closed.getMessage(), List.of()));
    }
    if (exception instanceof WebApplicationException web) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      String detail = web.getMessage() == null ? status.getReasonPhrase() : web.getMessage();
      return respond(
          new Problem(
              "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of()));
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled error, incident " + incident, exception);
    return respond(
        new Problem(
            "about:blank",
            "Internal Server Error",
            500,
            "Something went wrong on our side (incident " + incident + ").",
            List.of()));
  }

  // The catalog admin API's refusals: a field at fault (400), an item in use (409), an id that is
  // not this shop's (404). Null for any other exception.
  private static Problem catalogProblem(Throwable exception) {
    if (exception instanceof InvalidCatalogException invalid) {
      String detail = invalid.field() + ": " + invalid.getMessage();
      return new Problem(
          "about:blank",
          "Invalid input",
          400,
          detail,
          List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
    }
    if (exception instanceof CatalogConflictException conflict) {
      return new Problem("about:blank", "Conflict", 409, conflict.getMessage(), List.of());
    }
    if (exception instanceof CatalogItemNotFoundException notFound) {
      return new Problem("about:blank", "Not Found", 404, notFound.getMessage(), List.of());
    }
    return null;
  }

  private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    // "method.arg0.field" → "field": the caller knows its fields, not our method names.
    int lastDot = path.lastIndexOf('.');
    String field = lastDot < 0 ? path : path.substring(lastDot + 1);
    return new Problem.FieldError(field, violation.getMessage());
  }

  private static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
