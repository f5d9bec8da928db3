package org.kameng.kernel.tenant;

/** Another shop already has this address. */
public class SlugTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SlugTakenException(String slug) {
    super("the address " + slug + " is already taken");
  }
}
