package dev.casebook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository made with JGit for a test. Commits have a fixed author and clock (one minute
 * apart from 1 March 2024), so the same steps always make the same commit ids.
 */
public final class GitRepo implements AutoCloseable {
  private final Git git;
  private final Path root;
  private Instant clock = Instant.parse("2024-03-01T12:00:00Z");

  private GitRepo(Git git, Path root) {
    this.git = git;
    this.root = root;
  }

  public static GitRepo init(Path folder) {
    try {
      Files.createDirectories(folder);
      return new GitRepo(Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call(), folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path root() {
    return root;
  }

  /** Writes a file of the work tree (creating its folders); not staged. */
  public GitRepo write(String path, String text) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public GitRepo delete(String path) {
    try {
      Files.delete(root.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages everything (deletions too) and commits it; returns the commit id. */
  public String commitAll(String message) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      clock = clock.plusSeconds(60);
      PersonIdent who = new PersonIdent("Casebook Test", "test@casebook.example", clock, ZoneOffset.UTC);
      RevCommit commit = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
      return commit.name();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code n} numbered lines: {@code line 1} to {@code line n}. */
  public static String lines(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= n; i++) out.append("line ").append(i).append('\n');
    return out.toString();
  }

  @Override
  public void close() {
    git.close();
  }
}
