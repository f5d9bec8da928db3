package org.kameng.kernel.inventory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.kameng.kernel.crypto.TenantCipher;

/**
 * Fingerprints and seals the keys of a batch, split over the sealing threads, then drops keys the
 * batch already holds and encodes the rest as COPY rows. Keys repeated across batches are left to
 * the unique index: holding every fingerprint of a large file in memory would cost more than the
 * database's check.
 *
 * <p>Batches are sealed one after another (the next is submitted once the previous completed), so
 * the loop-key choice below needs no lock.
 */
final class BatchSealer {

  private final TenantCipher cipher;
  private final boolean loopKey;
  private final Executor executor;
  private final int threads;
  private final PhaseClock clock;
  // For a loop-key SKU: the fingerprint of the one key this import offers, once chosen.
  private ByteBuffer loopKeyFingerprint;

  BatchSealer(ImportRun run, Executor executor, int threads, PhaseClock clock) {
    this.cipher = run.cipher();
    this.loopKey = run.sku().loopKey();
    this.executor = executor;
    this.threads = threads;
    this.clock = clock;
  }

  CompletableFuture<SealedBatch> seal(LineBatch batch) {
    List<KeyLine> keys = batch.keys();
    byte[][] fingerprints = new byte[keys.size()][];
    byte[][] secrets = new byte[keys.size()][];
    int chunk = Math.max(1, (keys.size() + threads - 1) / threads);
    List<CompletableFuture<Void>> parts = new ArrayList<>(threads);
    for (int from = 0; from < keys.size(); from += chunk) {
      int start = from;
      int end = Math.min(keys.size(), from + chunk);
      parts.add(
          CompletableFuture.runAsync(
              () -> sealRange(keys, start, end, fingerprints, secrets), executor));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(done -> assemble(batch, fingerprints, secrets));
  }

  private void sealRange(
      List<KeyLine> keys, int from, int to, byte[][] fingerprints, byte[][] secrets) {
    long started = System.nanoTime();
    for (int i = from; i < to; i++) {
      String key = keys.get(i).key();
      fingerprints[i] = cipher.fingerprint(key);
      secrets[i] = cipher.seal(key);
    }
    clock.sealing(System.nanoTime() - started);
  }

  private SealedBatch assemble(LineBatch batch, byte[][] fingerprints, byte[][] secrets) {
    long started = System.nanoTime();
    List<KeyLine> keys = batch.keys();
    Set<ByteBuffer> seen = new HashSet<>(keys.size() * 2);
    List<Rejection> rejections = new ArrayList<>(batch.rejections());
    CopyRows rows = new CopyRows(keys.size());
    SealedBatch.StagedKey candidate = null;
    int staged = 0;
    long duplicates = 0;
    for (int i = 0; i < keys.size(); i++) {
      KeyLine line = keys.get(i);
      ByteBuffer fingerprint = ByteBuffer.wrap(fingerprints[i]);
      if (loopKey && !offersLoopKey(fingerprint)) {
        rejections.add(new Rejection(line.number(), RejectReason.LOOP_KEY_TAKEN));
      } else if (!seen.add(fingerprint)) {
        duplicates++;
      } else {
        rows.add(line.number(), fingerprints[i], secrets[i], line.note());
        staged++;
        candidate = loopKey ? new SealedBatch.StagedKey(line.number(), fingerprints[i]) : null;
      }
    }
    rejections.sort(Comparator.comparingLong(Rejection::line));
    SealedBatch sealed =
        new SealedBatch(
            batch.lines(),
            batch.blank(),
            batch.endOfInput(),
            staged,
            duplicates,
            rejections,
            rows.finish(),
            candidate);
    clock.sealing(System.nanoTime() - started);
    return sealed;
  }

  // A loop-key SKU takes one key: the first valid key of the input; any other key is refused.
  private boolean offersLoopKey(ByteBuffer fingerprint) {
    if (loopKeyFingerprint == null) {
      loopKeyFingerprint = fingerprint;
    }
    return loopKeyFingerprint.equals(fingerprint);
  }
}
