package org.kameng.server.themes;

import liqp.RenderTransformer;
import liqp.TemplateContext;

/**
 * Builds a page's output and enforces the render limits on the rendering thread itself: every block
 * Liquid renders (each loop iteration's body among them) and every piece it writes checks the
 * render's deadline and the output size. A render can therefore run on the request thread, with no
 * hand-off to another thread, and still stop soon after its time is up: loops are bounded by the
 * iteration limit, each iteration opens a block, and a block checks the clock.
 */
final class RenderGuard implements RenderTransformer {

  /** The deadline (System.nanoTime) of the render running on this thread; 0 if none. */
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

  private final int maxChars;

  RenderGuard(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Runs a render on this thread with {@code deadline} (System.nanoTime) as its time limit. */
  static <T> T until(long deadline, java.util.function.Supplier<T> render) {
    long[] slot = DEADLINE.get();
    long outer = slot[0];
    slot[0] = deadline;
    try {
      return render.get();
    } finally {
      slot[0] = outer;
    }
  }

  static void checkTime() {
    long deadline = DEADLINE.get()[0];
    if (deadline != 0 && System.nanoTime() - deadline > 0) {
      throw new RenderTimeExceededException();
    }
  }

  @Override
  public ObjectAppender.Controller newObjectAppender(TemplateContext context, int estimated) {
    checkTime();
    StringBuilder out = new StringBuilder(Math.max(16, Math.min(estimated * 16, 4096)));
    return new ObjectAppender.Controller() {
      @Override
      public void append(Object value) {
        if (value instanceof CharSequence text) {
          out.append(text);
        } else {
          out.append(value);
        }
        if (out.length() > maxChars) {
          throw new RuntimeException("rendered string exceeds " + maxChars);
        }
        checkTime();
      }

      @Override
      public Object getResult() {
        return out.toString();
      }
    };
  }

  @Override
  public Object transformObject(TemplateContext context, Object value) {
    return String.valueOf(value);
  }

  /** Thrown inside a render whose time is up. */
  static final class RenderTimeExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderTimeExceededException() {
      super("render time limit exceeded", null, false, false);
    }
  }
}
