package org.kameng.server.themes;

import java.util.Map;
import liqp.Template;

/**
 * Renders a page of a theme: the page's template, then the theme's layout around it. The context is
 * escaped first ({@link Html#escapeAll}), so templates only ever see storefront data as text. The
 * render runs on the caller's thread; its limits (time, output size, loop iterations) are checked
 * as it goes by the theme parser's {@link RenderGuard}, so a hostile template costs the buyer an
 * error page soon after its time is up, not the server a thread. (Before P4 renders were handed to
 * a small thread pool and abandoned on time-out: two thread switches per page, and an abandoned
 * render kept running until the iteration limit stopped it.)
 */
public final class ThemeRenderer {

  private final RenderLimits limits;

  public ThemeRenderer(RenderLimits limits) {
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
    long deadline = System.nanoTime() + limits.time().toNanos();
    try {
      return RenderGuard.until(
          deadline,
          () -> {
            String content = RenderTrees.render(template, values);
            values.put("content_for_layout", content);
            return RenderTrees.render(theme.pages().get("layout"), values);
          });
    } catch (RuntimeException | StackOverflowError e) {
      // liqp may wrap what a tag or a block threw: a time-out deep inside is still a time-out.
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RenderGuard.RenderTimeExceededException) {
          throw new RenderFailedException(
              theme.name() + "/" + page + " took longer than " + limits.time().toMillis() + " ms",
              e);
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      throw new RenderFailedException(theme.name() + "/" + page + " failed: " + e.getMessage(), e);
    }
  }
}
