package dev.casebook.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A git repository made by a test, with commits on the days the test names. */
final class TestRepo {
  final Path root;

  private TestRepo(Path root) {
    this.root = root;
  }

  static TestRepo init(Path root) throws IOException, InterruptedException {
    Files.createDirectories(root);
    TestRepo repo = new TestRepo(root);
    repo.git(null, "init", "-q");
    return repo;
  }

  void git(String date, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
        "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
    if (date != null) {
      pb.environment().put("GIT_COMMITTER_DATE", date + "T12:00:00+00:00");
      pb.environment().put("GIT_AUTHOR_DATE", date + "T12:00:00+00:00");
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  void write(String path, String text) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), text);
  }

  /** Commits everything in the work tree on {@code date} (YYYY-MM-DD). */
  void commit(String date) throws IOException, InterruptedException {
    git(null, "add", "-A");
    git(date, "commit", "-q", "-m", "change on " + date);
  }
}
