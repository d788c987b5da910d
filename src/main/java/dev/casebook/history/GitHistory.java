package dev.casebook.history;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * When each write-up last changed, from one {@code git log} over the library: the newest commit
 * that changed a file gives its day. Uncommitted edits do not count (a file edited but not
 * committed shows its last commit's day); a file git does not know has no day. A commit that only
 * renames a file (git's rename detection, 100% alike) is not a change: the file keeps the day of
 * the last change under its old name, so that moving write-ups into new folders keeps their days.
 *
 * <p>The log is read once, newest commit first, and parsed as it streams; the work is linear in
 * its length, and it stops once every file asked about has its day.
 */
public final class GitHistory {
  /** The setting's name in casebook.yml, for problems. */
  private static final String SETTING = "casebook.yml";

  private GitHistory() {}

  /**
   * The last changes of {@code paths} (relative to {@code root}, with {@code /}) under the setting
   * {@code when}; {@link LastChanges#NONE} when it is off, when {@code AUTO} finds no {@code .git}
   * at the root, or when git cannot read the history (a warning then, if the setting asked for it).
   */
  public static LastChanges read(Path root, GitInfo when, Collection<String> paths, Diagnostics diagnostics) {
    if (when == GitInfo.OFF || paths.isEmpty()) return LastChanges.NONE;
    if (when == GitInfo.AUTO && !Files.exists(root.resolve(".git"))) return LastChanges.NONE;
    try {
      return log(root, Set.copyOf(paths));
    } catch (IOException e) {
      if (when == GitInfo.ON) {
        diagnostics.warning(SourcePosition.of(SETTING), "git_info: cannot read the git history: " + e.getMessage());
      }
      return LastChanges.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LastChanges.NONE;
    }
  }

  private static LastChanges log(Path root, Set<String> wanted) throws IOException, InterruptedException {
    // Settings of the repository that could run a program or change the output are overridden.
    List<String> command = List.of("git", "-c", "core.fsmonitor=false", "-c", "log.showSignature=false",
        "-c", "diff.renames=true", "--no-pager", "log", "-z", "--no-color", "--no-ext-diff", "--no-textconv",
        "--format=%x01%cs", "--name-status", "-M", "--relative", "--", ".");
    Process git = new ProcessBuilder(command).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
    Walk walk = new Walk(wanted);
    boolean whole = false;
    try (InputStream in = new BufferedInputStream(git.getInputStream())) {
      whole = walk.read(in);
    } finally {
      // Every path has its day before the log's end, or reading failed: the rest is not needed.
      if (!whole) git.destroy();
      if (!git.waitFor(30, TimeUnit.SECONDS)) git.destroyForcibly();
    }
    if (whole && (git.isAlive() || git.exitValue() != 0)) throw new IOException("git log failed (exit " + (git.isAlive() ? "none" : git.exitValue()) + ")");
    return new LastChanges(walk.days);
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /**
   * The log read newest commit first. A path is claimed by the first (newest) change that names
   * it: that change dates it, or, for a pure rename, passes it on to the old name.
   */
  static final class Walk {
    private final Set<String> wanted;
    final Map<String, LocalDate> days = new HashMap<>();
    /** Paths whose newest change has been seen. */
    private final Set<String> claimed = new HashSet<>();
    /** Old names of renamed files, with the files of today that wait for their next change. */
    private final Map<String, List<String>> waiting = new HashMap<>();

    Walk(Set<String> wanted) {
      this.wanted = wanted;
    }

    /** Reads {@code git log -z --format=%x01%cs --name-status}; false if it stopped early, every path dated. */
    boolean read(InputStream in) throws IOException {
      LocalDate day = null;
      List<String> fields = new ArrayList<>(3);
      ByteArrayOutputStream token = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) != -1) {
        if (b != 0) {
          if (b != '\n' || token.size() > 0) token.write(b);
          continue;
        }
        String t = token.toString(StandardCharsets.UTF_8);
        token.reset();
        if (t.startsWith("\u0001")) {
          day = day(t.substring(1));
          fields.clear();
          continue;
        }
        fields.add(t);
        char status = fields.get(0).isEmpty() ? '?' : fields.get(0).charAt(0);
        int needed = status == 'R' || status == 'C' ? 3 : 2;
        if (fields.size() < needed) continue;
        change(day, fields);
        fields.clear();
        if (days.size() == wanted.size() && waiting.isEmpty()) return false;
      }
      return true;
    }

    private static LocalDate day(String text) throws IOException {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IOException("unexpected git log output: " + text);
      }
    }

    /** One line of a commit's changes: status, path (and new path for a rename or copy). */
    private void change(LocalDate day, List<String> fields) {
      String status = fields.get(0);
      if (day == null) return;
      switch (status.charAt(0)) {
        case 'R' -> {
          List<String> owners = claim(fields.get(2));
          if (status.equals("R100")) {
            if (!owners.isEmpty()) waiting.computeIfAbsent(fields.get(1), k -> new ArrayList<>()).addAll(owners);
          } else {
            for (String p : owners) days.put(p, day);
          }
        }
        case 'C' -> {
          for (String p : claim(fields.get(2))) days.put(p, day);
        }
        case 'D' -> claim(fields.get(1));
        default -> {
          for (String p : claim(fields.get(1))) days.put(p, day);
        }
      }
    }

    /** The files of today whose day the newest change of {@code path} gives (none when already claimed). */
    private List<String> claim(String path) {
      List<String> owners = waiting.remove(path);
      List<String> out = owners == null ? new ArrayList<>() : owners;
      if (claimed.add(path) && wanted.contains(path)) out.add(path);
      return out;
    }
  }
}
