package org.kameng.kernel.domain;

/** Whether a shop has proved it controls a domain. Only a verified domain serves the shop. */
public enum DomainStatus {
  PENDING,
  VERIFIED
}
