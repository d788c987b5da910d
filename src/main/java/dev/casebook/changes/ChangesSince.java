package dev.casebook.changes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * What changed in a library since a git revision, read with JGit: the files that differ between
 * the revision (or its merge base with HEAD, as a pull request sees it) and the work tree,
 * committed or not, and the library's files as they were at that point.
 *
 * <p>Paths are relative to the library's root, with {@code /}, as diagnostics name files. The
 * library may be a folder inside a larger repository; files outside it are ignored.
 */
public final class ChangesSince implements AutoCloseable {
  private final Repository repository;
  private final RevCommit base;
  private final String prefix;
  private final String ref;

  private ChangesSince(Repository repository, RevCommit base, String prefix, String ref) {
    this.repository = repository;
    this.base = base;
    this.prefix = prefix;
    this.ref = ref;
  }

  /**
   * Opens the repository that holds {@code library} and resolves {@code ref} (a branch, tag,
   * commit or expression such as {@code HEAD~2} or {@code origin/main}).
   *
   * @throws ChangesException when the library is not in a git work tree or the revision is unknown
   */
  public static ChangesSince open(Path library, String ref) throws ChangesException {
    Path root = library.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
    if (builder.getGitDir() == null) {
      throw new ChangesException("'" + root + "' is not inside a git repository, so there is nothing to compare with " + ref);
    }
    Repository repository = null;
    try {
      repository = builder.build();
      if (repository.isBare()) throw new ChangesException("the repository of '" + root + "' has no work tree");
      ObjectId target = repository.resolve(ref + "^{commit}");
      if (target == null) {
        throw new ChangesException("unknown revision '" + ref + "' (fetch it first, e.g. 'git fetch origin main', "
            + "or with actions/checkout use fetch-depth: 0)");
      }
      RevCommit base;
      try (RevWalk walk = new RevWalk(repository)) {
        RevCommit commit = walk.parseCommit(target);
        ObjectId head = repository.resolve("HEAD^{commit}");
        base = commit;
        if (head != null) {
          walk.setRevFilter(RevFilter.MERGE_BASE);
          walk.markStart(commit);
          walk.markStart(walk.parseCommit(head));
          RevCommit mergeBase = walk.next();
          if (mergeBase != null) base = mergeBase;
        }
      }
      Path workTree = repository.getWorkTree().toPath().toRealPath();
      Path real = root.toRealPath();
      if (!real.startsWith(workTree)) throw new ChangesException("'" + root + "' is outside the work tree " + workTree);
      String prefix = workTree.relativize(real).toString().replace('\\', '/');
      return new ChangesSince(repository, base, prefix, ref);
    } catch (ChangesException e) {
      if (repository != null) repository.close();
      throw e;
    } catch (IOException e) {
      if (repository != null) repository.close();
      throw new ChangesException("could not read the git repository of '" + root + "': " + e.getMessage(), e);
    }
  }

  /** The revision as given. */
  public String ref() {
    return ref;
  }

  /** The commit compared with: the merge base of the revision and HEAD, or the revision itself. */
  public String baseCommit() {
    return base.name();
  }

  /**
   * The library's files that were added, modified, deleted or renamed (both names) since the
   * base commit, in commits or in the work tree, untracked files included.
   */
  public Set<String> changedFiles() throws ChangesException {
    Set<String> changed = new TreeSet<>();
    try (Git git = new Git(repository)) {
      ObjectId head = repository.resolve("HEAD^{tree}");
      if (head != null) {
        for (DiffEntry d : git.diff().setOldTree(parser(base.getTree())).setNewTree(parser(head)).setShowNameAndStatusOnly(true).call()) {
          add(changed, d.getOldPath());
          add(changed, d.getNewPath());
        }
      }
      Status status = git.status().call();
      for (Set<String> paths : java.util.List.of(status.getAdded(), status.getChanged(), status.getModified(), status.getRemoved(),
          status.getMissing(), status.getUntracked(), status.getConflicting())) {
        for (String p : paths) add(changed, p);
      }
    } catch (IOException | GitAPIException e) {
      throw new ChangesException("could not compare the work tree with " + ref + ": " + e.getMessage(), e);
    }
    return changed;
  }

  /** Writes the library's files as they were at the base commit into {@code folder} (symbolic links left out). */
  public void writeBase(Path folder) throws ChangesException {
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(base.getTree());
      walk.setRecursive(true);
      if (!prefix.isEmpty()) walk.setFilter(PathFilter.create(prefix));
      Path target = folder.toAbsolutePath().normalize();
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
        String relative = relative(walk.getPathString());
        if (relative == null) continue;
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) continue;
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
          repository.open(walk.getObjectId(0)).copyTo(out);
        }
      }
    } catch (IOException e) {
      throw new ChangesException("could not read the library at " + base.abbreviate(7).name() + ": " + e.getMessage(), e);
    }
  }

  private CanonicalTreeParser parser(ObjectId tree) throws IOException {
    CanonicalTreeParser parser = new CanonicalTreeParser();
    try (var reader = repository.newObjectReader()) {
      parser.reset(reader, tree);
    }
    return parser;
  }

  private void add(Set<String> changed, String repositoryPath) {
    if (repositoryPath == null || repositoryPath.equals(DiffEntry.DEV_NULL)) return;
    String relative = relative(repositoryPath);
    if (relative != null) changed.add(relative);
  }

  /** A repository path relative to the library, or null when it is outside the library. */
  private String relative(String repositoryPath) {
    if (prefix.isEmpty()) return repositoryPath;
    return repositoryPath.startsWith(prefix + "/") ? repositoryPath.substring(prefix.length() + 1) : null;
  }

  @Override
  public void close() {
    repository.close();
  }

  /** Why the changes could not be read; its message is meant for the user. */
  public static final class ChangesException extends IOException {
    public ChangesException(String message) {
      super(message);
    }

    public ChangesException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
