package org.kameng.kernel.tenant;

/**
 * Whether a shop trades. A suspended shop keeps its data but takes no orders; a pending one waits
 * for a platform admin's approval of its sign-up and takes no orders yet.
 */
public enum TenantStatus {
  PENDING,
  ACTIVE,
  SUSPENDED
}
