package org.kameng.kernel.inventory;

/** The counters of an import, as committed so far. */
record ImportCounts(long lines, long blank, long imported, long duplicates, long rejected) {

  static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

  ImportCounts plus(ImportCounts batch) {
    return new ImportCounts(
        lines + batch.lines,
        blank + batch.blank,
        imported + batch.imported,
        duplicates + batch.duplicates,
        rejected + batch.rejected);
  }
}
