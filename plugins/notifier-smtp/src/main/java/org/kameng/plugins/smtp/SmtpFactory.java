package org.kameng.plugins.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kameng.plugin.api.LocalizedText;
import org.kameng.plugin.api.TenantId;
import org.kameng.plugin.api.config.ConfigField;
import org.kameng.plugin.api.config.ConfigProblem;
import org.kameng.plugin.api.config.ConfigSchema;
import org.kameng.plugin.api.config.EnumOption;
import org.kameng.plugin.api.config.FieldType;
import org.kameng.plugin.api.config.PluginConfig;
import org.kameng.plugin.api.extension.PluginDescriptor;
import org.kameng.plugin.api.host.HostContext;
import org.kameng.plugin.api.mail.MailMessage;
import org.kameng.plugin.api.mail.MailSecurity;
import org.kameng.plugin.api.mail.MailServer;
import org.kameng.plugin.api.notifier.Notifier;
import org.kameng.plugin.api.notifier.NotifierFactory;

/**
 * E-mail through the shop's SMTP server, id {@code notifier-smtp}: server, port, TLS mode, an
 * optional login (the password is a write-only secret), the sender address and the staff's
 * addresses. Buyers' mails go to the address they gave at checkout.
 */
public final class SmtpFactory implements NotifierFactory {

  /** The published id. */
  public static final String ID = "notifier-smtp";

  static final String HOST = "host";
  static final String PORT = "port";
  static final String SECURITY = "security";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String FROM = "from";
  static final String STAFF = "staffTo";
  static final int MAX_STAFF = 20;

  private static final PluginDescriptor DESCRIPTOR =
      PluginDescriptor.of(ID, LocalizedText.of("邮件通知（SMTP）", "E-mail (SMTP)"));

  private static final ConfigSchema SCHEMA =
      ConfigSchema.of(
          ConfigField.of(HOST, FieldType.STRING, LocalizedText.of("SMTP 服务器", "SMTP server"))
              .withPattern("[A-Za-z0-9.:-]{1,253}"),
          ConfigField.of(PORT, FieldType.INTEGER, LocalizedText.of("端口", "Port"))
              .withDefault("465"),
          ConfigField.choice(
                  SECURITY,
                  LocalizedText.of("加密方式", "Encryption"),
                  EnumOption.of("tls", "SSL/TLS（通常 465 端口）", "SSL/TLS (usually port 465)"),
                  EnumOption.of("starttls", "STARTTLS（通常 587 端口）", "STARTTLS (usually port 587)"),
                  EnumOption.of("none", "不加密（仅限内网中继，不能登录）", "None (internal relay only, no login)"))
              .withDefault("tls"),
          ConfigField.of(USERNAME, FieldType.STRING, LocalizedText.of("用户名", "Username"))
              .optional(),
          ConfigField.of(PASSWORD, FieldType.SECRET, LocalizedText.of("密码", "Password")).optional(),
          ConfigField.of(FROM, FieldType.STRING, LocalizedText.of("发件地址", "From address")),
          ConfigField.of(
              STAFF,
              FieldType.STRING,
              LocalizedText.of("店员收件地址（逗号分隔）", "Staff addresses (comma-separated)")));

  /** Creates the factory; the host does this once when the plugin loads. */
  public SmtpFactory() {}

  @Override
  public PluginDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SCHEMA;
  }

  /** Offline checks only: nothing here connects to the server. */
  @Override
  public List<ConfigProblem> validate(PluginConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!config.find(HOST).orElse("").matches("[A-Za-z0-9.:-]{1,253}")) {
      problems.add(new ConfigProblem(HOST, "must be a host name or address"));
    }
    if (port(config).isEmpty()) {
      problems.add(new ConfigProblem(PORT, "must be a whole number from 1 to 65535"));
    }
    Optional<MailSecurity> security = security(config);
    if (security.isEmpty()) {
      problems.add(new ConfigProblem(SECURITY, "must be tls, starttls or none"));
    }
    boolean user = config.find(USERNAME).filter(s -> !s.isBlank()).isPresent();
    boolean password = config.find(PASSWORD).filter(s -> !s.isEmpty()).isPresent();
    if (user && !password) {
      problems.add(new ConfigProblem(PASSWORD, "is required with a username"));
    } else if (password && !user) {
      problems.add(new ConfigProblem(USERNAME, "is required with a password"));
    } else if (user && security.orElse(null) == MailSecurity.NONE) {
      problems.add(new ConfigProblem(SECURITY, "must be tls or starttls to log in"));
    }
    if (!MailMessage.isAddress(config.find(FROM).orElse("").strip())) {
      problems.add(new ConfigProblem(FROM, "must be an address like shop@example.com"));
    }
    List<String> staff = staff(config);
    if (staff.isEmpty()
        || staff.size() > MAX_STAFF
        || !staff.stream().allMatch(MailMessage::isAddress)) {
      problems.add(
          new ConfigProblem(STAFF, "must list 1 to " + MAX_STAFF + " addresses, comma-separated"));
    }
    return problems;
  }

  /**
   * @throws IllegalArgumentException naming the field if the configuration is unusable
   */
  @Override
  public Notifier create(TenantId tenant, PluginConfig config, HostContext context) {
    List<ConfigProblem> problems = validate(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).field() + " " + problems.get(0).message());
    }
    String host = config.string(HOST);
    int port = port(config).orElseThrow();
    MailSecurity security = security(config).orElseThrow();
    MailServer server =
        config.find(USERNAME).filter(s -> !s.isBlank()).isPresent()
            ? MailServer.withLogin(
                host, port, security, config.string(USERNAME).strip(), config.string(PASSWORD))
            : MailServer.anonymous(host, port, security);
    return new SmtpNotifier(server, config.string(FROM).strip(), staff(config), context);
  }

  private static Optional<Integer> port(PluginConfig config) {
    String text = config.find(PORT).orElse("465").strip();
    if (!text.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  private static Optional<MailSecurity> security(PluginConfig config) {
    return switch (config.find(SECURITY).orElse("tls").strip().toLowerCase(Locale.ROOT)) {
      case "tls" -> Optional.of(MailSecurity.TLS);
      case "starttls" -> Optional.of(MailSecurity.STARTTLS);
      case "none" -> Optional.of(MailSecurity.NONE);
      default -> Optional.empty();
    };
  }

  private static List<String> staff(PluginConfig config) {
    return Arrays.stream(config.find(STAFF).orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
