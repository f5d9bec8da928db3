package org.kameng.kernel.inventory;

import java.util.OptionalLong;

/**
 * Told how far an import has got, after each committed batch, on the importing thread. An exception
 * thrown here stops the import; the batches already committed stay.
 */
@FunctionalInterface
public interface ImportProgress {

  /**
   * @param linesProcessed lines read and committed so far, blank and rejected lines included
   * @param totalLines the number of lines in the input, when the source knows it
   */
  void linesProcessed(long linesProcessed, OptionalLong totalLines);

  /** Progress nobody watches. */
  static ImportProgress ignored() {
    return (done, total) -> {};
  }
}
