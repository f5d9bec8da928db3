package org.kameng.server;

/** Realm roles the server checks; declared once so an annotation cannot misspell one. */
public final class Roles {

  /** Operates the whole platform: tenants, plugins, health. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  private Roles() {}
}
