package org.kameng.testing.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A key and self-signed certificate for one host name, made by the JDK's {@code keytool} when a
 * test asks, and a TLS client that trusts that certificate and nothing else, as the platform trusts
 * its CA store only. For tests only.
 */
public final class TestCertificate {

  /** The password of the keystore and of its key. */
  public static final String PASSWORD = "changeit";

  /** The key's alias in the keystore: the one GreenMail serves. */
  public static final String ALIAS = "greenmail";

  private final Path keystore;

  private TestCertificate(Path keystore) {
    this.keystore = keystore;
  }

  /**
   * Makes a key and a certificate naming {@code name} (subject and DNS alternative name), valid for
   * two days, in a new PKCS12 keystore in a temporary folder.
   */
  public static TestCertificate forName(String name) {
    try {
      Path file = Files.createTempDirectory("kameng-test-certificate").resolve("server.p12");
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  ALIAS,
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=" + name,
                  "-ext",
                  "san=dns:" + name,
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  PASSWORD,
                  "-keypass",
                  PASSWORD)
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      return new TestCertificate(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The PKCS12 keystore holding the key and certificate, password {@link #PASSWORD}. */
  public Path keystore() {
    return keystore;
  }

  /**
   * Has GreenMail's TLS servers present this certificate. GreenMail reads the location once per
   * JVM, so this must come before the first GreenMail starts.
   *
   * @return this certificate
   */
  public TestCertificate servedByGreenMail() {
    System.setProperty("greenmail.tls.keystore.file", keystore.toString());
    System.setProperty("greenmail.tls.keystore.password", PASSWORD);
    System.setProperty("greenmail.tls.key.password", PASSWORD);
    return this;
  }

  /** A TLS client that trusts this certificate only. */
  public SSLSocketFactory trustingOnlyIt() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("test", keys.getCertificate(ALIAS));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
