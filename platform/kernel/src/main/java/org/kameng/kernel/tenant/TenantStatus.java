package org.kameng.kernel.tenant;

/** Whether a shop trades. A suspended shop keeps its data but takes no orders. */
public enum TenantStatus {
  ACTIVE,
  SUSPENDED
}
