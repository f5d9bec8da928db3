package org.kameng.host.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit and fails with {@link ResponseTooLargeException} beyond it,
 * cancelling the subscription so the JDK stops reading and drops the connection. A declared {@code
 * Content-Length} over the limit fails before any byte is read. Bytes are kept as received: the
 * client never decompresses, so a small gzip body cannot expand into a large one.
 */
final class CappedBody implements BodySubscriber<byte[]> {

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final boolean declaredTooLarge;
  private Flow.Subscription subscription;

  private CappedBody(int limit, boolean declaredTooLarge) {
    this.limit = limit;
    this.declaredTooLarge = declaredTooLarge;
  }

  /**
   * A handler for responses to this method.
   *
   * @param method a {@code HEAD} response declares a length but has no body
   */
  static BodyHandler<byte[]> handler(int limit, String method) {
    return (ResponseInfo info) -> {
      long declared =
          method.equals("HEAD") ? -1 : info.headers().firstValueAsLong("content-length").orElse(-1);
      return new CappedBody(limit, declared > limit);
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredTooLarge) {
      tooLarge();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > limit) {
        tooLarge();
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  private void tooLarge() {
    subscription.cancel();
    result.completeExceptionally(new ResponseTooLargeException(limit));
  }
}
