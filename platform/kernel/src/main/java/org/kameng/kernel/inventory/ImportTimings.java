package org.kameng.kernel.inventory;

import java.time.Duration;

/**
 * Where an import spent its time, for operators and the import benchmark. Sealing runs beside the
 * database work, so {@code sealing} (summed over the sealing threads) may exceed what it added to
 * {@code total}; {@code waitingForSealing} is the part the importing thread actually waited for.
 *
 * @param reading reading and checking lines
 * @param sealing fingerprinting, encrypting and encoding rows for COPY, summed over threads
 * @param waitingForSealing time the importing thread waited for a sealed batch
 * @param copy COPY of the sealed rows into the staging table
 * @param insert the {@code INSERT ... ON CONFLICT DO NOTHING} into the card keys
 * @param otherDatabase the rest of each batch's transaction: staging table, counters, commit
 */
public record ImportTimings(
    Duration total,
    Duration reading,
    Duration sealing,
    Duration waitingForSealing,
    Duration copy,
    Duration insert,
    Duration otherDatabase) {}
