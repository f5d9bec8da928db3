package org.kameng.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL from the binaries Maven ships, keeping its data in a folder of the
 * project's, until this process is told to stop. The {@code kameng} script starts it when no
 * database is configured; roles and the database are then created by {@code
 * deploy/postgres/bootstrap.sql}, the same script an operator runs against their own server.
 *
 * <p>Arguments: {@code <data-dir> <port> <ready-file> [ephemeral]}. The ready file is written,
 * atomically, once the server accepts connections. {@code ephemeral} turns durability off, for
 * throwaway test databases only.
 */
public final class EmbeddedDatabase {

  private EmbeddedDatabase() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: EmbeddedDatabase <data-dir> <port> <ready-file> [ephemeral]");
      System.exit(2);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path readyFile = Path.of(args[2]).toAbsolutePath();
    boolean ephemeral = args.length > 3 && "ephemeral".equals(args[3]);

    Files.createDirectories(dataDir.getParent());
    Files.deleteIfExists(readyFile);

    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            // The library gives up after 10 s; a first start on a busy 2-core machine (initdb,
            // then the server) has been seen to take longer.
            .setPGStartupWait(Duration.ofSeconds(90));
    serverConfig(ephemeral).forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder.start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (IOException e) {
                    System.err.println("stopping PostgreSQL failed: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));

    Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
    Files.writeString(tmp, "port=" + postgres.getPort() + System.lineSeparator());
    Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("PostgreSQL ready on 127.0.0.1:" + postgres.getPort() + ", data " + dataDir);
    stopped.await();
  }

  private static Map<String, String> serverConfig(boolean ephemeral) {
    Map<String, String> config = new HashMap<>();
    // Loopback only: the embedded server trusts local connections and is for one machine.
    config.put("listen_addresses", "127.0.0.1");
    config.put("max_connections", "200");
    config.put("shared_buffers", "128MB");
    // Stated either way rather than left to the library's defaults: the demo's data and the
    // benchmarks' figures depend on commits really reaching the disk.
    String durable = ephemeral ? "off" : "on";
    config.put("fsync", durable);
    config.put("synchronous_commit", durable);
    config.put("full_page_writes", durable);
    // A benchmark that counts the statements of every client (pg_stat_statements) asks for it.
    String preload = System.getenv("KAMENG_PG_PRELOAD");
    if (preload != null && !preload.isBlank()) {
      config.put("shared_preload_libraries", preload);
    }
    return config;
  }
}
