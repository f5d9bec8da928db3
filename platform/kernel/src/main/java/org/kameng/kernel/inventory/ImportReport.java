package org.kameng.kernel.inventory;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of one import. Every line of the input is counted once: {@code totalLines = imported
 * + duplicates + rejected + blankLines}.
 *
 * @param importId the run, as recorded in {@code kameng.card_key_import}
 * @param duplicates lines whose key was already in the SKU or earlier in the same input
 * @param rejections the first {@link #MAX_REJECTIONS} rejected lines, by line number
 */
public record ImportReport(
    UUID importId,
    UUID skuId,
    long totalLines,
    long blankLines,
    long imported,
    long duplicates,
    long rejected,
    List<Rejection> rejections,
    ImportTimings timings) {

  /** How many rejected lines a report lists; {@link #rejected()} counts them all. */
  public static final int MAX_REJECTIONS = 1_000;

  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  /** Whether more lines were rejected than {@link #rejections()} lists. */
  public boolean rejectionsTruncated() {
    return rejected > rejections.size();
  }
}
