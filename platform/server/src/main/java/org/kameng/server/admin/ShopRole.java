package org.kameng.server.admin;

/** What a member may do in a shop. Staff cannot see the ledger or change payment channels. */
public enum ShopRole {
  OWNER,
  STAFF
}
