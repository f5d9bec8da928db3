package org.kameng.server.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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
    Optional<Problem> known = KnownProblems.of(exception);
    if (known.isPresent()) {
      return respond(known.get());
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
