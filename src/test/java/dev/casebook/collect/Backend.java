package dev.casebook.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every collector test runs against: SQLite in a temporary file, and PostgreSQL
 * from {@code CASEBOOK_TEST_POSTGRES_URL} (bash .ci/run sets it) or, when that is unset, a
 * throwaway server started with {@code .ci/postgres} for this test run (not under CI, where
 * .ci/run must provide it). When neither works the PostgreSQL tests fail with the reason; they
 * never skip.
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String postgres;

  /** A new, empty database for one test. */
  public String freshDatabase(Path tmp) throws Exception {
    if (this == SQLITE) return "jdbc:sqlite:" + tmp.resolve("readership-" + DATABASES.incrementAndGet() + ".db");
    String base = postgresUrl();
    String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet() + "_" + System.nanoTime() % 100000;
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return base.replaceFirst("/([A-Za-z0-9_]+)(\\?|$)", "/" + name + "$2");
  }

  static synchronized String postgresUrl() throws IOException, InterruptedException {
    if (postgres != null) return postgres;
    String configured = System.getenv("CASEBOOK_TEST_POSTGRES_URL");
    if (configured != null && !configured.isBlank()) {
      postgres = configured.strip();
      return postgres;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CASEBOOK_TEST_POSTGRES_URL is not set: under CI, bash .ci/run starts PostgreSQL and sets it");
    }
    Path script = Path.of(".ci", "postgres").toAbsolutePath();
    if (!Files.isRegularFile(script)) throw new IllegalStateException("missing " + script);
    Path dir = Files.createTempDirectory("casebook-postgres-");
    Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException("PostgreSQL tests need a server: set CASEBOOK_TEST_POSTGRES_URL, or install "
          + "Debian's postgresql package so that .ci/postgres can start one (" + err + ")");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        new ProcessBuilder("bash", script.toString(), dir.toString(), "stop").inheritIO().start().waitFor(60, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException e) {
        // the test run is ending anyway
      }
    }));
    postgres = out;
    return postgres;
  }

  /** Runs SQL on a database, for checks and for setting up a stall. */
  public static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
