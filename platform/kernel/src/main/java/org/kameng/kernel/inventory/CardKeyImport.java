package org.kameng.kernel.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.kameng.kernel.crypto.DataKeys;
import org.kameng.kernel.tenancy.Transactions;
import org.kameng.kernel.tenant.ShopPlan;
import org.kameng.plugin.api.TenantId;

/**
 * Imports card keys into one SKU of one tenant from UTF-8 text with one {@code key} or {@code
 * key,note} per line: split at the first comma, both parts trimmed, blank lines skipped, a leading
 * BOM and CRLF line ends accepted. Lines that break a rule are reported by number with a {@link
 * RejectReason} and never imported.
 *
 * <p>Keys are fingerprinted and sealed with the tenant's data key and inserted batch by batch, one
 * transaction per batch: COPY into a staging table, then an insert that skips keys the SKU already
 * holds. A failed import keeps its committed batches and is recorded as FAILED; importing the same
 * input again adds only what is missing, so re-running is the way to resume.
 */
public final class CardKeyImport {

  /** Lines per batch by default: large enough to amortise a transaction, small to stage. */
  public static final int DEFAULT_BATCH_SIZE = 10_000;

  private final Transactions transactions;
  private final DataKeys dataKeys;
  private final Executor sealingExecutor;
  private final int sealingThreads;
  private final int batchSize;

  /** An import that seals on the importing thread, in batches of {@link #DEFAULT_BATCH_SIZE}. */
  public CardKeyImport(Transactions transactions, DataKeys dataKeys) {
    this(transactions, dataKeys, Runnable::run, 1, DEFAULT_BATCH_SIZE);
  }

  /**
   * @param sealingExecutor runs the encryption beside the database work (in a Jakarta EE server, a
   *     managed executor); {@code Runnable::run} seals on the importing thread
   * @param sealingThreads how many parts each batch is split into for the executor
   * @param batchSize lines per transaction
   */
  public CardKeyImport(
      Transactions transactions,
      DataKeys dataKeys,
      Executor sealingExecutor,
      int sealingThreads,
      int batchSize) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
    this.sealingExecutor = Objects.requireNonNull(sealingExecutor, "sealingExecutor");
    if (sealingThreads < 1 || batchSize < 1) {
      throw new IllegalArgumentException("sealingThreads and batchSize must be at least 1");
    }
    this.sealingThreads = sealingThreads;
    this.batchSize = batchSize;
  }

  /**
   * Imports every line of {@code source} into the SKU.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU; nothing is written
   * @throws InvalidImportException if the SKU sells no card keys or the input is UTF-16; nothing is
   *     written
   * @throws UncheckedIOException if reading the source fails midway; the import is recorded as
   *     FAILED and its committed batches stay
   */
  public ImportReport importKeys(
      TenantId tenant, UUID skuId, ImportSource source, ImportProgress progress) {
    return run(begin(tenant, skuId), source, progress);
  }

  /** An import that has been checked and recorded, not yet run. */
  public static final class Started {
    private final ImportRun run;

    private Started(ImportRun run) {
      this.run = run;
    }

    /** The id under which the import's progress and report are recorded. */
    public UUID importId() {
      return run.id();
    }
  }

  /**
   * Checks the SKU and records a new import as RUNNING, so that a caller can hand out its id before
   * running it in the background.
   *
   * @throws SkuNotFoundException if the tenant has no such SKU; nothing is written
   * @throws InvalidImportException if the SKU sells no card keys; nothing is written
   */
  public Started begin(TenantId tenant, UUID skuId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(skuId, "skuId");
    return new Started(
        transactions.inTenant(
            tenant,
            c -> {
              ShopPlan.requireRoomForKeys(c, tenant);
              return ImportRun.begin(c, tenant, skuId, UUID.randomUUID(), dataKeys);
            }));
  }

  /**
   * Runs a begun import over {@code source}.
   *
   * @throws InvalidImportException if the input is UTF-16 (the import is recorded as FAILED)
   * @throws UncheckedIOException if reading the source fails midway; the import is recorded as
   *     FAILED and its committed batches stay
   */
  public ImportReport run(Started started, ImportSource source, ImportProgress progress) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    ImportRun run = started.run;
    PhaseClock clock = new PhaseClock();
    BatchSealer sealer = new BatchSealer(run, sealingExecutor, sealingThreads, clock);
    ImportBatches batches = new ImportBatches(transactions, run, sealer, batchSize, clock);
    try (InputStream in = source.open()) {
      KeyLineReader reader = new KeyLineReader(in);
      batches.process(reader, progress, source.totalLines());
      finish(run, batches.tally(), true);
      return report(run, batches.tally(), clock);
    } catch (IOException e) {
      recordFailure(run, batches.tally(), e);
      throw new UncheckedIOException("reading the card keys failed: " + e.getMessage(), e);
    } catch (RuntimeException | LinkageError e) {
      // A LinkageError too (a missing driver class, say): the run must not stay RUNNING.
      recordFailure(run, batches.tally(), e);
      throw e;
    }
  }

  private void finish(ImportRun run, ImportTally tally, boolean done) {
    transactions.inTenant(
        run.tenant(),
        c -> {
          run.finish(c, done, tally.counts(), tally.rejections());
          return null;
        });
  }

  private void recordFailure(ImportRun run, ImportTally tally, Throwable cause) {
    try {
      finish(run, tally, false);
    } catch (RuntimeException alsoFailed) {
      cause.addSuppressed(alsoFailed);
    }
  }

  private static ImportReport report(ImportRun run, ImportTally tally, PhaseClock clock) {
    ImportCounts counts = tally.counts();
    return new ImportReport(
        run.id(),
        run.sku().id(),
        counts.lines(),
        counts.blank(),
        counts.imported(),
        counts.duplicates(),
        counts.rejected(),
        tally.rejections(),
        clock.timings());
  }
}
