package dev.casebook.collect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where accepted events live: SQLite in WAL mode with full synchronous commits by default (one
 * file, no setup), or PostgreSQL when the URL is a PostgreSQL JDBC URL, so that several collectors
 * can share one database. Both use the same tables and the same SQL; an event's key is its
 * primary key and inserts skip keys already stored, so a retried or replayed event is stored once.
 */
public final class EventStore implements AutoCloseable {
  public enum Dialect { SQLITE, POSTGRESQL }

  static final String EVENTS = "readership_events";
  static final String KEYS = "readership_keys";
  private static final List<String> SCHEMA = List.of(
      "CREATE TABLE IF NOT EXISTS " + EVENTS + " ("
          + "event_key TEXT PRIMARY KEY, kind TEXT NOT NULL, received_at BIGINT NOT NULL, day TEXT NOT NULL,"
          + " doc TEXT NOT NULL, page_load TEXT NOT NULL, path TEXT, source TEXT NOT NULL, from_doc TEXT,"
          + " referrer TEXT, src_tag TEXT, reader_key TEXT, team TEXT, anonymous INTEGER NOT NULL,"
          + " scroll INTEGER NOT NULL, engaged_ms BIGINT NOT NULL, reached_end INTEGER NOT NULL)",
      "CREATE INDEX IF NOT EXISTS readership_events_doc_day ON " + EVENTS + " (doc, day)",
      "CREATE TABLE IF NOT EXISTS " + KEYS + " (day TEXT PRIMARY KEY, secret TEXT NOT NULL)");
  private static final String INSERT = "INSERT INTO " + EVENTS + " (event_key, kind, received_at, day, doc, page_load,"
      + " path, source, from_doc, referrer, src_tag, reader_key, team, anonymous, scroll, engaged_ms, reached_end)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING";

  private final String url;
  private final Dialect dialect;
  private final Object keyLock = new Object();
  private volatile Connection writer;
  private volatile Connection keys;
  private volatile boolean closed;

  private EventStore(String url, Dialect dialect) {
    this.url = url;
    this.dialect = dialect;
  }

  /**
   * A JDBC URL as it is, or a file path as a SQLite database ({@code readership.db} becomes
   * {@code jdbc:sqlite:readership.db}).
   */
  public static String jdbcUrl(String db) {
    if (db.startsWith("jdbc:")) return db;
    return "jdbc:sqlite:" + Path.of(db).toAbsolutePath().normalize();
  }

  public static Dialect dialect(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) return Dialect.SQLITE;
    if (jdbcUrl.startsWith("jdbc:postgresql:")) return Dialect.POSTGRESQL;
    throw new IllegalArgumentException("unsupported database URL '" + redact(jdbcUrl)
        + "': use a file path, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** Opens the database and creates the tables when they are missing. */
  public static EventStore open(String db) throws SQLException {
    String url = jdbcUrl(db);
    EventStore store = new EventStore(url, dialect(url));
    try (Connection c = store.connect(); Statement s = c.createStatement()) {
      for (String sql : SCHEMA) s.execute(sql);
    } catch (SQLException e) {
      if (store.dialect == Dialect.POSTGRESQL && "23505".equals(e.getSQLState())) {
        // another collector created the same table at the same moment
        return store;
      }
      throw e;
    }
    return store;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** A new connection, set up for durability; the caller closes it. */
  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    if (dialect == Dialect.SQLITE) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
      }
    }
    return c;
  }

  /**
   * Stores the events in one transaction and returns once it is committed (durable). Throws when
   * the database fails; the caller keeps the events and tries again, which is safe because keys
   * already stored are skipped.
   *
   * @return how many of them were new
   */
  public synchronized int insert(List<StoredEvent> events) throws SQLException {
    if (closed) throw new SQLException("the store is closed");
    try {
      if (writer == null) {
        writer = connect();
        writer.setAutoCommit(false);
      }
      int added = 0;
      try (PreparedStatement ps = writer.prepareStatement(INSERT)) {
        for (StoredEvent e : events) {
          ps.setString(1, e.key());
          ps.setString(2, e.kind());
          ps.setLong(3, e.receivedAt());
          ps.setString(4, e.day());
          ps.setString(5, e.doc());
          ps.setString(6, e.pageLoad());
          ps.setString(7, e.path());
          ps.setString(8, e.source());
          ps.setString(9, e.fromDoc());
          ps.setString(10, e.referrer());
          ps.setString(11, e.srcTag());
          ps.setString(12, e.readerKey());
          ps.setString(13, e.team());
          ps.setInt(14, e.anonymous() ? 1 : 0);
          ps.setInt(15, e.scroll());
          ps.setLong(16, e.engagedMillis());
          ps.setInt(17, e.reachedEnd() ? 1 : 0);
          ps.addBatch();
        }
        for (int n : ps.executeBatch()) added += Math.max(n, 0);
      }
      writer.commit();
      return added;
    } catch (SQLException e) {
      closeQuietly(writer);
      writer = null;
      throw e;
    }
  }

  /**
   * The secret for reader keys of {@code day}: the one stored, or {@code candidate} when there is
   * none yet (several collectors agree on the first one stored).
   */
  public String dailySecret(String day, String candidate) throws SQLException {
    synchronized (keyLock) {
      return dailySecretLocked(day, candidate);
    }
  }

  private String dailySecretLocked(String day, String candidate) throws SQLException {
    if (closed) throw new SQLException("the store is closed");
    try {
      if (keys == null) keys = connect();
      try (PreparedStatement ps = keys.prepareStatement(
          "INSERT INTO " + KEYS + " (day, secret) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
        ps.setString(1, day);
        ps.setString(2, candidate);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = keys.prepareStatement("SELECT secret FROM " + KEYS + " WHERE day = ?")) {
        ps.setString(1, day);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) throw new SQLException("the key of " + day + " vanished");
          return rs.getString(1);
        }
      }
    } catch (SQLException e) {
      closeQuietly(keys);
      keys = null;
      throw e;
    }
  }

  /** Deletes the secrets of days before {@code day}; returns how many. */
  public int deleteSecretsBefore(String day) throws SQLException {
    synchronized (keyLock) {
      return deleteSecretsBeforeLocked(day);
    }
  }

  private int deleteSecretsBeforeLocked(String day) throws SQLException {
    try {
      if (keys == null) keys = connect();
      try (PreparedStatement ps = keys.prepareStatement("DELETE FROM " + KEYS + " WHERE day < ?")) {
        ps.setString(1, day);
        return ps.executeUpdate();
      }
    } catch (SQLException e) {
      closeQuietly(keys);
      keys = null;
      throw e;
    }
  }

  /** The days that have a secret, oldest first. */
  public List<String> secretDays() throws SQLException {
    List<String> days = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT day FROM " + KEYS + " ORDER BY day")) {
      while (rs.next()) days.add(rs.getString(1));
    }
    return days;
  }

  /**
   * Closes the connections. It does not wait for an insert in progress: closing its connection
   * makes a statement stuck on a stalled database fail, so that shutdown cannot hang.
   */
  @Override
  public void close() {
    closed = true;
    closeQuietly(writer);
    closeQuietly(keys);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      // already broken
    }
  }

  /** The URL without a password, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
  }
}
