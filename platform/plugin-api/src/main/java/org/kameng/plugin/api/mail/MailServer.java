package org.kameng.plugin.api.mail;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP server a message is submitted to, usually from the tenant's configuration. Immutable.
 *
 * @param host the server's host name or address literal (IPv6 without brackets); the host's egress
 *     policy applies to it exactly as to an HTTP destination
 * @param port 1 to 65535; the host accepts 25, 465, 587, 2525 and 1024 and above, minus the ports
 *     of well-known non-mail services
 * @param security how the connection is protected
 * @param username the login, or empty for a server that needs none
 * @param password the password, empty exactly when {@code username} is; never logged, never printed
 *     by {@link #toString()}
 * @since 0.2.0
 */
public record MailServer(
    String host,
    int port,
    MailSecurity security,
    Optional<String> username,
    Optional<String> password) {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");

  /** Checks the parts; credentials go together and never over {@link MailSecurity#NONE}. */
  public MailServer {
    if (host == null || !HOST.matcher(host).matches()) {
      throw new IllegalArgumentException("host must be a host name or address literal");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
    }
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("username and password go together");
    }
    if (username.isPresent() && security == MailSecurity.NONE) {
      throw new IllegalArgumentException("credentials are never sent without TLS");
    }
    username.ifPresent(MailServer::requireLine);
    password.ifPresent(MailServer::requireLine);
  }

  /** A server that needs no login. */
  public static MailServer anonymous(String host, int port, MailSecurity security) {
    return new MailServer(host, port, security, Optional.empty(), Optional.empty());
  }

  /** A server that needs a login. */
  public static MailServer withLogin(
      String host, int port, MailSecurity security, String username, String password) {
    return new MailServer(host, port, security, Optional.of(username), Optional.of(password));
  }

  // SMTP AUTH carries them in one base64 line; a line break could only be an injection attempt.
  private static void requireLine(String value) {
    if (value.isEmpty()
        || value.length() > 512
        || value.indexOf('\r') >= 0
        || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("credentials must be 1 to 512 characters on one line");
    }
  }

  /** Shows host, port and security; never the credentials. */
  @Override
  public String toString() {
    return "MailServer["
        + host
        + ":"
        + port
        + ", "
        + security
        + (username.isPresent() ? ", login" : "")
        + "]";
  }
}
