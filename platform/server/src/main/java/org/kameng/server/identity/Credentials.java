package org.kameng.server.identity;

import java.util.Locale;
import java.util.regex.Pattern;
import org.kameng.kernel.tenant.InvalidSignupException;
import org.kameng.kernel.text.PlainText;

/** The rules for the email and password of a new account, for sign-up and invitations alike. */
public final class Credentials {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private Credentials() {}

  /**
   * The address, trimmed and in lower case.
   *
   * @throws InvalidSignupException naming {@code email} if it is not a plausible address
   */
  public static String email(String email) {
    String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normalised.length() > 254
        || !PlainText.isSingleLine(normalised)
        || !EMAIL.matcher(normalised).matches()) {
      throw new InvalidSignupException("email", "a valid email address is required");
    }
    return normalised;
  }

  /**
   * Checks a new password: 10 to 128 characters, letters and digits, one line.
   *
   * @throws InvalidSignupException naming {@code password} if it is too weak
   */
  public static void password(String password) {
    boolean strong =
        password != null
            && password.length() >= 10
            && password.length() <= 128
            && password.chars().anyMatch(Character::isLetter)
            && password.chars().anyMatch(Character::isDigit)
            && PlainText.isSingleLine(password);
    if (!strong) {
      throw new InvalidSignupException(
          "password", "at least 10 characters, with letters and digits");
    }
  }
}
