package org.kameng.server.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.kameng.kernel.catalog.CatalogConflictException;
import org.kameng.kernel.catalog.CatalogItemNotFoundException;
import org.kameng.kernel.catalog.InvalidCatalogException;
import org.kameng.kernel.docking.InsufficientBalanceException;
import org.kameng.kernel.docking.InvalidDockingException;
import org.kameng.kernel.docking.RefusedRequestException;
import org.kameng.kernel.docking.RequestIdConflictException;
import org.kameng.kernel.docking.ResellerNotFoundException;
import org.kameng.kernel.domain.DomainTakenException;
import org.kameng.kernel.domain.InvalidDomainException;
import org.kameng.kernel.inventory.InvalidImportException;
import org.kameng.kernel.inventory.SkuNotFoundException;
import org.kameng.kernel.notification.NothingToResendException;
import org.kameng.kernel.order.InvalidOrderException;
import org.kameng.kernel.order.InvalidPromotionException;
import org.kameng.kernel.order.ShopClosedException;
import org.kameng.kernel.order.SoldOutException;
import org.kameng.kernel.payment.ProviderRefundRefusedException;
import org.kameng.kernel.settings.InvalidSettingsException;
import org.kameng.kernel.tenant.InvalidSignupException;
import org.kameng.kernel.tenant.QuotaExceededException;
import org.kameng.kernel.tenant.SlugTakenException;
import org.kameng.kernel.theme.InvalidImageException;
import org.kameng.kernel.upstream.InvalidSupplierException;
import org.kameng.server.domains.DomainNotVerifiedException;
import org.kameng.server.json.WrongFormException;
import org.kameng.server.plugins.InvalidPluginException;
import org.kameng.server.plugins.PluginFailureException;
import org.kameng.server.signup.KeycloakUnavailableException;
import org.kameng.server.themes.InvalidThemeSettingsException;

/**
 * The exceptions the API answers with a specific problem, in one table: what the caller did wrong
 * (400, naming the field where there is one), what conflicts (409), what is not theirs or not there
 * (404), what the shop refuses (403), what is down (503).
 */
final class KnownProblems {

  private record Entry<T extends Throwable>(Class<T> type, Function<T, Problem> problem) {
    Optional<Problem> match(Throwable exception) {
      return type.isInstance(exception)
          ? Optional.of(problem.apply(type.cast(exception)))
          : Optional.empty();
    }
  }

  private static final List<Entry<?>> TABLE = new ArrayList<>();

  static {
    // Unreadable bodies: the parser's message quotes the input, so it is not echoed.
    add(JsonbException.class, e -> invalidBody());
    add(
        WrongFormException.class,
        e -> Problem.invalid(e.field(), e.field() + " " + e.getMessage()));
    add(JsonException.class, e -> invalidBody());
    add(InvalidOrderException.class, e -> Problem.invalid(e.field(), e.getMessage()));
    add(
        InvalidPromotionException.class,
        e ->
            new Problem(
                "about:blank",
                e.unavailable() ? "Promotion unavailable" : "Invalid promotion",
                e.unavailable() ? 503 : 422,
                e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    add(InvalidSignupException.class, e -> Problem.invalid(e.field(), e.getMessage()));
    add(
        InvalidCatalogException.class,
        e ->
            new Problem(
                "about:blank",
                "Invalid input",
                400,
                e.field() + ": " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    add(
        InvalidSettingsException.class,
        e ->
            new Problem(
                "about:blank",
                "Invalid input",
                400,
                e.getMessage(),
                e.faults().stream()
                    .map(f -> new Problem.FieldError(f.field(), f.message()))
                    .toList()));
    add(
        PluginFailureException.class,
        e -> Problem.of(e.status(), "Payment channel unavailable", e.getMessage()));
    add(InvalidPluginException.class, e -> Problem.of(400, "Invalid plugin", e.getMessage()));
    add(QuotaExceededException.class, e -> Problem.of(409, "Quota exceeded", e.getMessage()));
    add(InvalidImportException.class, e -> Problem.of(400, "Invalid input", e.getMessage()));
    add(
        SlugTakenException.class,
        e ->
            new Problem(
                "about:blank",
                "Conflict",
                409,
                e.getMessage(),
                List.of(new Problem.FieldError("slug", e.getMessage()))));
    add(InvalidDomainException.class, e -> Problem.invalid(e.field(), e.getMessage()));
    add(
        DomainTakenException.class,
        e ->
            new Problem(
                "about:blank",
                "Conflict",
                409,
                e.getMessage(),
                List.of(new Problem.FieldError("domain", e.getMessage()))));
    // The request was fine; the domain does not prove control yet. The detail says why in words,
    // the type names the HTTP check's reason (the one about addresses) for a client to branch on.
    add(
        DomainNotVerifiedException.class,
        e ->
            new Problem(
                "urn:kameng:problem:domain-not-verified:" + e.http().reason().name(),
                "Domain not verified",
                422,
                e.getMessage(),
                List.of(
                    new Problem.FieldError("domain", e.http().message()),
                    new Problem.FieldError("domain", e.dns().message()))));
    add(
        InvalidThemeSettingsException.class,
        e ->
            new Problem(
                "about:blank",
                "Invalid input",
                400,
                e.getMessage(),
                e.faults().stream()
                    .map(f -> new Problem.FieldError(f.field(), f.message()))
                    .toList()));
    add(
        InvalidSupplierException.class,
        e ->
            new Problem(
                "about:blank",
                "Invalid input",
                400,
                e.getMessage(),
                e.faults().stream()
                    .map(f -> new Problem.FieldError(f.field(), f.message()))
                    .toList()));
    add(CatalogConflictException.class, e -> Problem.of(409, "Conflict", e.getMessage()));
    add(NothingToResendException.class, e -> Problem.of(409, "Nothing to resend", e.getMessage()));
    add(
        InvalidImageException.class,
        e ->
            new Problem(
                "about:blank",
                e.status() == 409 ? "Conflict" : e.status() == 413 ? "Too large" : "Invalid input",
                e.status(),
                e.getMessage(),
                List.of(new Problem.FieldError("file", e.getMessage()))));
    add(
        ProviderRefundRefusedException.class,
        e -> Problem.of(409, "Refund by hand", e.getMessage()));
    add(SoldOutException.class, e -> Problem.of(409, "Sold out", e.getMessage()));
    add(SkuNotFoundException.class, e -> Problem.of(404, "Not Found", "No such SKU."));
    add(CatalogItemNotFoundException.class, e -> Problem.of(404, "Not Found", e.getMessage()));
    add(ShopClosedException.class, e -> Problem.of(403, "Shop closed", e.getMessage()));
    add(InvalidDockingException.class, e -> Problem.invalid(e.field(), e.getMessage()));
    add(ResellerNotFoundException.class, e -> Problem.of(404, "Not Found", e.getMessage()));
    add(
        InsufficientBalanceException.class,
        e ->
            new Problem(
                "urn:kameng:problem:reseller:insufficient-balance",
                "Insufficient balance",
                422,
                e.getMessage(),
                List.of()));
    add(
        RequestIdConflictException.class,
        e ->
            new Problem(
                "urn:kameng:problem:reseller:request-id-conflict",
                "Conflict",
                409,
                e.getMessage(),
                List.of(new Problem.FieldError("requestId", e.getMessage()))));
    add(RefusedRequestException.class, KnownProblems::refused);
    add(
        KeycloakUnavailableException.class,
        e -> Problem.of(503, "Service Unavailable", e.getMessage()));
  }

  private KnownProblems() {}

  private static <T extends Throwable> void add(Class<T> type, Function<T, Problem> problem) {
    TABLE.add(new Entry<>(type, problem));
  }

  /** The problem for this exception, if it is one the API knows. */
  static Optional<Problem> of(Throwable exception) {
    for (Entry<?> entry : TABLE) {
      Optional<Problem> problem = entry.match(exception);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  // A refused signature says which check failed: the caller holds the secret or it does not, and
  // telling a stale clock from a wrong key saves an integrator hours.
  private static Problem refused(RefusedRequestException e) {
    int status;
    switch (e.reason()) {
      case SUSPENDED:
        status = 403;
        break;
      case RATE_LIMITED:
        status = 429;
        break;
      default:
        status = 401;
    }
    String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String title =
        status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : "Too Many Requests";
    return new Problem(
        "urn:kameng:problem:reseller:" + reason, title, status, e.getMessage(), List.of());
  }

  private static Problem invalidBody() {
    return Problem.of(
        400, "Invalid input", "The request body is not valid JSON of the expected shape.");
  }
}
