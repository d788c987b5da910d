package dev.casebook.collect;

import dev.casebook.text.UnsafeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is in which team: a snapshot of the company directory, one {@code reader,team} line each
 * ({@code #} starts a comment). Readers are compared ignoring case. The file is read again when it
 * changes, so a nightly export can replace it while the collector runs.
 */
public final class Directory {
  private static final long RECHECK_MILLIS = 10_000;
  private final Path file;
  private volatile Map<String, String> teams;
  private volatile FileTime modified;
  private volatile long checkedAt;

  private Directory(Path file, Map<String, String> teams, FileTime modified) {
    this.file = file;
    this.teams = teams;
    this.modified = modified;
  }

  public static Directory none() {
    return new Directory(null, Map.of(), null);
  }

  public static Directory load(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    return new Directory(file, parse(Files.readString(file, StandardCharsets.UTF_8), file), modified);
  }

  static Map<String, String> parse(String text, Path file) throws IOException {
    Map<String, String> teams = new HashMap<>();
    int line = 0;
    for (String raw : text.split("\r?\n", -1)) {
      line++;
      String s = raw.strip();
      if (s.isEmpty() || s.startsWith("#")) continue;
      int comma = s.lastIndexOf(',');
      if (comma <= 0 || comma == s.length() - 1) {
        throw new IOException(file + ":" + line + ": expected 'reader,team'");
      }
      int bad = UnsafeText.find(s);
      if (bad >= 0) {
        throw new IOException(file + ":" + line + ":" + (raw.indexOf(s) + bad + 1) + String.format(Locale.ROOT,
            ": U+%04X is a control or bidirectional character; a reader or team may not hold one", (int) s.charAt(bad)));
      }
      teams.put(normalize(s.substring(0, comma)), s.substring(comma + 1).strip());
    }
    return Map.copyOf(teams);
  }

  /** The reader's team, or empty when the directory does not list them. */
  public Optional<String> team(String reader) {
    refresh();
    return Optional.ofNullable(teams.get(normalize(reader)));
  }

  public int size() {
    return teams.size();
  }

  private void refresh() {
    if (file == null) return;
    long now = System.nanoTime() / 1_000_000;
    if (now - checkedAt < RECHECK_MILLIS) return;
    checkedAt = now;
    try {
      FileTime m = Files.getLastModifiedTime(file);
      if (!m.equals(modified)) {
        teams = parse(Files.readString(file, StandardCharsets.UTF_8), file);
        modified = m;
      }
    } catch (IOException e) {
      // keep the last good snapshot; a half-written export must not empty the directory
    }
  }

  static String normalize(String reader) {
    return reader.strip().toLowerCase(Locale.ROOT);
  }
}
