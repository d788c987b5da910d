package dev.casebook.code;

import dev.casebook.diag.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeOptions;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FS;

/**
 * Searches a checkout's comments for incident ids. It walks the files on disk with JGit, so what
 * git ignores ({@code .gitignore} files, {@code .git/info/exclude}, {@code core.excludesFile}) is
 * left out, as are symbolic links, submodules, files over {@link #MAX_FILE_BYTES} and binary files
 * (a NUL byte in the first {@link #BINARY_PROBE} bytes, git's own test). Files are read in
 * parallel, and only those that contain the literal start of every id are lexed for comments.
 */
public final class CodeScanner {
  public static final long MAX_FILE_BYTES = 1024 * 1024;
  public static final int BINARY_PROBE = 8000;

  private final IdFinder ids;

  public CodeScanner(IdFinder ids) {
    this.ids = ids;
  }

  /** A file to read: its path relative to the checkout folder, and on disk. */
  private record Candidate(String path, Path file) {}

  /**
   * The comments of the checkout that cite ids, sorted by path and line; one citation per id per
   * comment. Links are pinned to the checkout's HEAD, or point at its branch without git.
   */
  public List<CodeCitation> scan(Checkout checkout) throws IOException {
    List<Candidate> files = files(checkout);
    String commit = checkout.head() == null ? null : checkout.head().name();
    try {
      return files.parallelStream()
          .flatMap(f -> scanFile(checkout, commit, f).stream())
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The files git does not ignore, in path order. */
  private static List<Candidate> files(Checkout checkout) throws IOException {
    List<Candidate> out = new ArrayList<>();
    if (checkout.git() != null) {
      try (TreeWalk walk = new TreeWalk(checkout.git())) {
        walk.addTree(new FileTreeIterator(checkout.git()));
        if (!checkout.prefix().isEmpty()) walk.setFilter(PathFilter.create(checkout.prefix().substring(0, checkout.prefix().length() - 1)));
        collect(walk, checkout, checkout.prefix().length(), out);
      }
    } else {
      WorkingTreeOptions options = new Config().get(WorkingTreeOptions.KEY);
      // A walk of files alone reads no git objects, so it needs no object reader.
      try (TreeWalk walk = new TreeWalk((ObjectReader) null)) {
        walk.addTree(new FileTreeIterator(checkout.folder().toFile(), FS.DETECTED, options));
        collect(walk, checkout, 0, out);
      }
    }
    return out;
  }

  private static void collect(TreeWalk walk, Checkout checkout, int strip, List<Candidate> out) throws IOException {
    walk.setRecursive(false);
    while (walk.next()) {
      WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
      if (entry.isEntryIgnored()) continue;
      if (walk.isSubtree()) {
        walk.enterSubtree();
        continue;
      }
      FileMode mode = walk.getFileMode(0);
      if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
      if (entry.getEntryLength() > MAX_FILE_BYTES) continue;
      String path = walk.getPathString().substring(strip);
      out.add(new Candidate(path, checkout.folder().resolve(path)));
    }
  }

  private List<CodeCitation> scanFile(Checkout checkout, String commit, Candidate candidate) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(candidate.file())) {
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
    } catch (java.nio.file.NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_FILE_BYTES || isBinary(bytes) || !ids.mayContain(bytes, bytes.length)) return List.of();
    String text = decode(bytes);
    String name = candidate.path().substring(candidate.path().lastIndexOf('/') + 1);
    List<CodeCitation> out = new ArrayList<>();
    for (Comments.Comment comment : Comments.find(text, CommentSyntax.of(name))) {
      Set<String> seen = new HashSet<>();
      String commentText = null;
      for (Comments.Piece piece : comment.pieces()) {
        for (IdFinder.Mention m : ids.find(piece.text())) {
          if (!seen.add(m.id())) continue;
          if (commentText == null) commentText = comment.text();
          out.add(new CodeCitation(m.id(), checkout.repository().name(), candidate.path(), piece.line(), commentText,
              checkout.repository().link(commit, candidate.path(), piece.line(), piece.line()), commit,
              new SourcePosition(checkout.displayPath(candidate.path()), piece.line(), piece.column() + m.offset())));
        }
      }
    }
    return out;
  }

  static boolean isBinary(byte[] bytes) {
    for (int i = 0, n = Math.min(bytes.length, BINARY_PROBE); i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

  /** UTF-8; bytes that are not UTF-8 become U+FFFD rather than failing: code is not ours to fix. */
  private static String decode(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
