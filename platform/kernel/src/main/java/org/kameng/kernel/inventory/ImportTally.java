package org.kameng.kernel.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What an import has committed so far: counters and the first rejected lines. */
final class ImportTally {

  private ImportCounts counts = ImportCounts.NONE;
  private final List<Rejection> rejections = new ArrayList<>();

  ImportCounts counts() {
    return counts;
  }

  /** The rejected lines kept for the report, in line order. */
  List<Rejection> rejections() {
    List<Rejection> sorted = new ArrayList<>(rejections);
    sorted.sort(Comparator.comparingLong(Rejection::line));
    return sorted;
  }

  void committed(SealedBatch batch, StagedInsert.Result result) {
    counts = counts.plus(result.batch());
    keep(batch.rejections());
    if (result.refusedLoopKey() != null) {
      keep(List.of(result.refusedLoopKey()));
    }
  }

  private void keep(List<Rejection> more) {
    int room = ImportReport.MAX_REJECTIONS - rejections.size();
    rejections.addAll(more.subList(0, Math.min(room, more.size())));
  }
}
