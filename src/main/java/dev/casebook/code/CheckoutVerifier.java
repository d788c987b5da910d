package dev.casebook.code;

import dev.casebook.diag.Diagnostics;
import dev.casebook.model.CodeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Pins a write-up's {@code code} references to commits and checks them against the checkout: the
 * commit exists, the file exists at that commit and has the cited lines. When the cited lines
 * changed between that commit and the checkout's HEAD, it warns: the link still shows the lines
 * as they were, but the code they describe has moved on.
 */
public final class CheckoutVerifier {
  private static final DiffAlgorithm DIFF = new HistogramDiff();

  private final Checkout checkout;
  private final Diagnostics diagnostics;

  public CheckoutVerifier(Checkout checkout, Diagnostics diagnostics) {
    this.checkout = checkout;
    this.diagnostics = diagnostics;
  }

  /** A reference to a repository without a local checkout: linked as written, not checked. */
  public static PinnedReference unchecked(dev.casebook.config.CodeRepository repository, CodeReference ref) {
    return new PinnedReference(ref, ref.commit(), repository.link(ref.commit(), ref.path(), ref.start(), ref.end()));
  }

  /** The reference with its link; problems go to the diagnostics. */
  public PinnedReference pin(CodeReference ref) {
    try {
      if (checkout.git() == null || checkout.head() == null) return onDisk(ref);
      return inGit(ref);
    } catch (IOException e) {
      diagnostics.error(ref.positionOf("path"), "cannot read " + checkout.displayPath(ref.path()) + ": " + e.getMessage());
      return unchecked(checkout.repository(), ref);
    }
  }

  /** Without git: the file as it is on disk, when no commit is written. */
  private PinnedReference onDisk(CodeReference ref) throws IOException {
    if (ref.commit() == null) {
      Path file = checkout.folder().resolve(ref.path());
      if (!Files.isRegularFile(file)) {
        diagnostics.error(ref.positionOf("path"), "'" + ref.path() + "' does not exist in the checkout of '" + ref.repo() + "'",
            "looked for " + checkout.displayPath(ref.path()));
      } else {
        checkLines(ref, new RawText(Files.readAllBytes(file)).size(), "");
      }
    }
    return unchecked(checkout.repository(), ref);
  }

  private PinnedReference inGit(CodeReference ref) throws IOException {
    ObjectId head = checkout.head();
    try (RevWalk walk = new RevWalk(checkout.git())) {
      ObjectReader reader = walk.getObjectReader();
      RevCommit commit = ref.commit() == null ? walk.parseCommit(head) : resolve(ref, walk);
      if (commit == null) return unchecked(checkout.repository(), ref);
      String at = ref.commit() == null ? " at HEAD (" + CodeLocations.shortCommit(commit.name()) + ")"
          : " at commit " + CodeLocations.shortCommit(commit.name());
      byte[] cited = blob(reader, commit, ref.path());
      PinnedReference pinned = new PinnedReference(ref, commit.name(),
          checkout.repository().link(commit.name(), ref.path(), ref.start(), ref.end()));
      if (cited == null) {
        diagnostics.error(ref.positionOf("path"), "'" + ref.path() + "' does not exist in '" + ref.repo() + "'" + at,
            ref.commit() == null ? "commit it first, or check the path" : "check the path and the commit");
        return pinned;
      }
      RawText before = new RawText(cited);
      if (!checkLines(ref, before.size(), at)) return pinned;
      if (!commit.equals(head)) compareWithHead(ref, reader, walk.parseCommit(head), commit, before);
      return pinned;
    }
  }

  private RevCommit resolve(CodeReference ref, RevWalk walk) throws IOException {
    String hint = checkout.shallow() ? "the checkout is shallow; fetch its history (git fetch --unshallow)" : null;
    try {
      ObjectId id = checkout.git().resolve(ref.commit() + "^{commit}");
      if (id != null) return walk.parseCommit(id);
    } catch (AmbiguousObjectException e) {
      diagnostics.error(ref.positionOf("commit"), "commit '" + ref.commit() + "' is ambiguous in '" + ref.repo() + "'",
          "write more of its digits");
      return null;
    } catch (IncorrectObjectTypeException | RevisionSyntaxException | org.eclipse.jgit.errors.MissingObjectException e) {
      // reported below
    }
    String message = "commit '" + ref.commit() + "' is not in the checkout of '" + ref.repo() + "'";
    if (hint != null) {
      diagnostics.warning(ref.positionOf("commit"), message + ", so the reference is not checked", hint);
    } else {
      diagnostics.error(ref.positionOf("commit"), message, "fetch it (git fetch), or check the commit id");
    }
    return null;
  }

  /** The file's bytes at {@code commit}, or null when there is no such file. */
  private byte[] blob(ObjectReader reader, RevCommit commit, String path) throws IOException {
    try (TreeWalk tree = TreeWalk.forPath(reader, checkout.prefix() + path, commit.getTree())) {
      if (tree == null) return null;
      FileMode mode = tree.getFileMode(0);
      if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) return null;
      return reader.open(tree.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
    }
  }

  private boolean checkLines(CodeReference ref, int lineCount, String at) {
    if (ref.end() <= lineCount) return true;
    String which = ref.start() == ref.end() ? "line " + ref.start() + " is" : "lines " + ref.lines() + " are";
    diagnostics.error(ref.positionOf("lines"), which + " past the end of '" + ref.path() + "'" + at,
        "it has " + lineCount + (lineCount == 1 ? " line" : " lines"));
    return false;
  }

  private void compareWithHead(CodeReference ref, ObjectReader reader, RevCommit head, RevCommit commit, RawText before)
      throws IOException {
    String since = " between " + CodeLocations.shortCommit(commit.name()) + " and HEAD (" + CodeLocations.shortCommit(head.name()) + ")";
    byte[] now = blob(reader, head, ref.path());
    if (now == null) {
      diagnostics.warning(ref.positionOf("lines"), "'" + ref.path() + "' was deleted or moved" + since,
          "the link still shows it at " + CodeLocations.shortCommit(commit.name()));
      return;
    }
    EditList edits = DIFF.diff(RawTextComparator.DEFAULT, before, new RawText(now));
    int from = ref.start() - 1;
    int to = ref.end();
    for (Edit edit : edits) {
      boolean touches = edit.getBeginA() == edit.getEndA()
          ? edit.getBeginA() > from && edit.getBeginA() < to
          : edit.getBeginA() < to && edit.getEndA() > from;
      if (touches) {
        String which = ref.start() == ref.end() ? "line " + ref.start() : "lines " + ref.lines();
        diagnostics.warning(ref.positionOf("lines"), "the cited " + which + " of '" + ref.path() + "' changed" + since,
            "check that the write-up still describes the code; the link stays pinned to " + CodeLocations.shortCommit(commit.name()));
        return;
      }
    }
  }
}
