package org.kameng.kernel.inventory;

/** A line that was not imported: its 1-based line number in the input, and why. */
public record Rejection(long line, RejectReason reason) {}
