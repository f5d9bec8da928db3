package org.kameng.kernel.inventory;

import java.util.List;

/**
 * A batch ready for the database: its keys sealed and encoded as COPY rows, with everything the
 * batch's counters need.
 *
 * @param staged rows in {@code copyRows}
 * @param duplicatesInBatch keys that already appeared earlier in this batch (not staged)
 * @param rejections rejected lines of the batch, in line order
 * @param loopKeyCandidate for a loop-key SKU, the one key staged, so that the database can still
 *     refuse it if the SKU holds a different key by now; otherwise null
 */
record SealedBatch(
    long lines,
    long blank,
    boolean endOfInput,
    int staged,
    long duplicatesInBatch,
    List<Rejection> rejections,
    byte[] copyRows,
    StagedKey loopKeyCandidate) {

  /** A staged key by its line and fingerprint. */
  record StagedKey(long line, byte[] fingerprint) {}
}
