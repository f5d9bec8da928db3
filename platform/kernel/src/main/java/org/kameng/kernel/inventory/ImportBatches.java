package org.kameng.kernel.inventory;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.kameng.kernel.tenancy.Transactions;

/**
 * Runs the batches of one import, each in its own transaction. While the database writes one batch
 * the next is read on this thread and sealed on the sealing executor, so on a machine with spare
 * cores the encryption hides behind the database work.
 */
final class ImportBatches {

  private final Transactions transactions;
  private final ImportRun run;
  private final BatchSealer sealer;
  private final int batchSize;
  private final PhaseClock clock;
  private final ImportTally tally = new ImportTally();

  ImportBatches(
      Transactions transactions,
      ImportRun run,
      BatchSealer sealer,
      int batchSize,
      PhaseClock clock) {
    this.transactions = transactions;
    this.run = run;
    this.sealer = sealer;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  ImportTally tally() {
    return tally;
  }

  /** Imports every line of {@code reader}; an exception leaves the committed batches in place. */
  void process(KeyLineReader reader, ImportProgress progress, OptionalLong totalLines)
      throws IOException {
    CompletableFuture<SealedBatch> next = readAndSeal(reader);
    while (next != null) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the import was interrupted");
      }
      SealedBatch batch = await(next);
      next = batch.endOfInput() ? null : readAndSeal(reader);
      if (batch.lines() > 0) {
        write(batch);
        progress.linesProcessed(tally.counts().lines(), totalLines);
      }
    }
  }

  // A read failure is handed over as the next batch's outcome, so the batch already read is still
  // written before the import stops.
  private CompletableFuture<SealedBatch> readAndSeal(KeyLineReader reader) {
    long started = System.nanoTime();
    LineBatch lines;
    try {
      lines = LineBatch.read(reader, batchSize);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    } finally {
      clock.reading(System.nanoTime() - started);
    }
    return sealer.seal(lines);
  }

  private void write(SealedBatch batch) {
    long started = System.nanoTime();
    StagedInsert.Result result =
        transactions.inTenant(
            run.tenant(),
            connection -> {
              StagedInsert.Result written = StagedInsert.write(connection, run, batch, clock);
              run.recordProgress(connection, tally.counts().plus(written.batch()));
              return written;
            });
    clock.database(System.nanoTime() - started);
    tally.committed(batch, result);
  }

  private SealedBatch await(CompletableFuture<SealedBatch> sealing) throws IOException {
    long started = System.nanoTime();
    try {
      return sealing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the import was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException failure) {
        throw failure;
      }
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("sealing a batch failed", e.getCause());
    } finally {
      clock.waitingForSealing(System.nanoTime() - started);
    }
  }
}
