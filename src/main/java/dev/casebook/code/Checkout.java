package dev.casebook.code;

import dev.casebook.config.CodeRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The local checkout of a code repository, opened with JGit. The configured folder stands for the
 * repository's root as its web URL shows it; it may be a folder inside a larger git work tree, in
 * which case history comes from that repository and {@link #prefix()} leads from its root to the
 * folder. A folder that is not in a git work tree is read as plain files.
 */
public final class Checkout implements AutoCloseable {
  private final CodeRepository repository;
  private final Path folder;
  private final String libraryPath;
  private final Repository git;
  private final String prefix;
  private final ObjectId head;

  private Checkout(CodeRepository repository, Path folder, String libraryPath, Repository git, String prefix, ObjectId head) {
    this.repository = repository;
    this.folder = folder;
    this.libraryPath = libraryPath;
    this.git = git;
    this.prefix = prefix;
    this.head = head;
  }

  /**
   * Opens the checkout of {@code repository}, which must have a {@code path}.
   *
   * @throws IOException when the folder does not exist or its repository cannot be read
   */
  public static Checkout open(CodeRepository repository, Path libraryRoot) throws IOException {
    Path folder = libraryRoot.resolve(repository.path()).normalize();
    if (!Files.isDirectory(folder)) throw new java.nio.file.NoSuchFileException(folder.toString(), null, "the folder does not exist");
    folder = folder.toRealPath();
    String libraryPath = relative(libraryRoot.toRealPath(), folder);
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
    if (builder.getGitDir() == null) return new Checkout(repository, folder, libraryPath, null, "", null);
    Repository git;
    try {
      git = builder.setMustExist(true).build();
    } catch (RepositoryNotFoundException e) {
      return new Checkout(repository, folder, libraryPath, null, "", null);
    }
    if (git.isBare()) {
      git.close();
      return new Checkout(repository, folder, libraryPath, null, "", null);
    }
    String inWorkTree = relative(git.getWorkTree().toPath().toRealPath(), folder);
    String prefix = inWorkTree.isEmpty() ? "" : inWorkTree + "/";
    return new Checkout(repository, folder, libraryPath, git, prefix, git.resolve("HEAD^{commit}"));
  }

  private static String relative(Path from, Path to) {
    String rel = from.relativize(to).toString().replace('\\', '/');
    return rel.equals(".") ? "" : rel;
  }

  public CodeRepository repository() {
    return repository;
  }

  /** The folder on disk (a real path). */
  public Path folder() {
    return folder;
  }

  /** The git repository, or null when the folder is not in a git work tree. */
  public Repository git() {
    return git;
  }

  /** The folder's path inside the git work tree, ending in {@code /}, or empty for its root. */
  public String prefix() {
    return prefix;
  }

  /** The commit checked out, or null without git or before the first commit. */
  public ObjectId head() {
    return head;
  }

  /** Whether the clone is shallow, so that older commits may be missing. */
  public boolean shallow() {
    return git != null && Files.exists(git.getCommonDirectory().toPath().resolve("shallow"));
  }

  /** How diagnostics name a file of the repository: its path relative to the library root. */
  public String displayPath(String path) {
    return libraryPath.isEmpty() ? path : libraryPath + "/" + path;
  }

  @Override
  public void close() {
    if (git != null) git.close();
  }
}
