package org.kameng.kernel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time used by this JVM and by the PostgreSQL server it talks to (the postmaster and all its
 * processes: backends, WAL writer, checkpointer), read from {@code /proc}. On a shared machine
 * other work takes cores away from a benchmark but not CPU time from each flow, so CPU per flow is
 * the steadier figure to compare across runs.
 */
final class CpuTime {

  private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

  private final long postmaster;
  private final long server;

  private CpuTime(long postmaster, long server) {
    this.postmaster = postmaster;
    this.server = server;
  }

  /** Finds the database server behind {@code db} (it must run on this machine). */
  static CpuTime of(DataSource db) throws SQLException {
    return of(db, 0);
  }

  /** The same, also reading the CPU of the application server process {@code serverPid}. */
  static CpuTime of(DataSource db, long serverPid) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return new CpuTime(stat(rs.getLong(1))[1], serverPid);
    }
  }

  /** A reading: this JVM's, the application server's and the database's CPU so far, in ms. */
  record Reading(double jvmMs, double serverMs, double databaseMs) {
    /** "CPU per flow: client x ms, [server y ms,] database z ms" from this to {@code later}. */
    String perFlow(Reading later, long flows, String client) {
      return String.format(
          "CPU per flow: %s %.2f ms,%s database %.2f ms",
          client,
          (later.jvmMs - jvmMs) / flows,
          serverMs == later.serverMs
              ? ""
              : String.format(" server %.2f ms,", (later.serverMs - serverMs) / flows),
          (later.databaseMs - databaseMs) / flows);
    }
  }

  Reading read() {
    double jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1e6;
    long ticks = cpu(postmaster);
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          long[] stat = stat(Long.parseLong(name));
          if (stat[1] == postmaster) {
            ticks += stat[2];
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Reading(jvm, server == 0 ? 0 : cpu(server) * TICK_MS, ticks * TICK_MS);
  }

  private static long cpu(long pid) {
    return stat(pid)[2];
  }

  // {pid, parent pid, user + system ticks}; zeros for a process that has gone.
  private static long[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    } catch (IOException | RuntimeException e) {
      return new long[] {pid, 0, 0};
    }
  }
}
