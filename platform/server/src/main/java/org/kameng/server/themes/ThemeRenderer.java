package org.kameng.server.themes;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import liqp.Template;

/**
 * Renders a page of a theme: the page's template, then the theme's layout around it. The context is
 * escaped first ({@link Html#escapeAll}), so templates only ever see storefront data as text; the
 * render runs on {@code executor} and is abandoned when it outlasts the time limit (the iteration
 * and output limits stop it soon after), so a hostile template costs the buyer an error page, not
 * the server a thread.
 */
public final class ThemeRenderer {

  private final ExecutorService executor;
  private final RenderLimits limits;

  public ThemeRenderer(ExecutorService executor, RenderLimits limits) {
    this.executor = executor;
    this.limits = limits;
  }

  /**
   * The page as HTML.
   *
   * @param context the page's data: maps, lists, strings, numbers, booleans and {@link
   *     Html.Trusted} only; the theme's texts in {@code locale} are added as {@code t}
   * @throws RenderFailedException if the template broke a limit or failed
   */
  public String render(Theme theme, String page, String locale, Map<String, Object> context) {
    Template template = theme.pages().get(page);
    if (template == null) {
      throw new IllegalArgumentException("no page " + page);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) Html.escapeAll(context);
    values.put("t", Html.escapeAll(theme.texts(locale)));
    Future<String> rendering =
        executor.submit(
            () -> {
              String content = template.render(values);
              values.put("content_for_layout", content);
              return theme.pages().get("layout").render(values);
            });
    try {
      return rendering.get(limits.time().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      rendering.cancel(true);
      throw new RenderFailedException(
          theme.name() + "/" + page + " took longer than " + limits.time().toMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw new RenderFailedException(
          theme.name() + "/" + page + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderFailedException("interrupted", e);
    }
  }
}
