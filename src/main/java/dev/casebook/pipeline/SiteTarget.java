package dev.casebook.pipeline;

import dev.casebook.index.IndexCache;
import dev.casebook.index.SearchDocuments;
import dev.casebook.index.SearchIndexStage;
import dev.casebook.link.LinkedLibrary;
import dev.casebook.write.SiteOutput;
import dev.casebook.write.SiteUpdate;
import dev.casebook.write.SiteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the write stage puts a run's files, in three steps: the pages of what changed, then the
 * listings and the deletions, then the search index. A site built whole goes into a new folder
 * that is put in place of the old one at the very end; an update changes the site in place, and
 * each step is put in place as it finishes, so the page being edited reloads first.
 */
sealed interface SiteTarget extends AutoCloseable permits SiteTarget.NewFolder, SiteTarget.InPlace {
  /** The folder pages are read back from while the run checks links. */
  Path root();

  /** Where the pages of the first step go. */
  SiteOutput pages();

  /** Where the listings and deletions of the second step go. */
  SiteOutput listings();

  /** Whether each step is seen by readers as it finishes (else only at {@link #commit}). */
  boolean inPlace();

  /** Puts the first step in place; returns the files it changed. */
  Set<String> pagesDone() throws IOException;

  /** Takes the first step back (its pages were in place, but the second step failed). */
  void undoPages() throws IOException;

  /** Marks {@code path} for deletion in the second step. */
  void delete(String path) throws IOException;

  /** Puts the second step in place; returns the files it changed. */
  Set<String> listingsDone() throws IOException;

  /** Writes the search index (the third step) and puts the whole run in place. */
  SearchDocuments commit(LinkedLibrary linked, IndexCache cache) throws IOException;

  /** The files the run wrote (every file, for a new folder) and deleted. */
  Set<String> written();

  Set<String> deleted();

  @Override
  void close();

  /** A whole site in a new folder, swapped in at {@link #commit}; until then readers see the old site. */
  final class NewFolder implements SiteTarget {
    private final SiteWriter writer;
    private Set<String> written = Set.of();

    NewFolder(Path output) throws IOException {
      this.writer = SiteWriter.open(output);
    }

    @Override
    public Path root() {
      return writer.root();
    }

    @Override
    public SiteOutput pages() {
      return writer;
    }

    @Override
    public SiteOutput listings() {
      return writer;
    }

    @Override
    public boolean inPlace() {
      return false;
    }

    @Override
    public Set<String> pagesDone() {
      return Set.of();
    }

    @Override
    public void undoPages() {}

    @Override
    public void delete(String path) {
      throw new IllegalStateException("a new site has nothing to delete: " + path);
    }

    @Override
    public Set<String> listingsDone() {
      return Set.of();
    }

    @Override
    public SearchDocuments commit(LinkedLibrary linked, IndexCache cache) throws IOException {
      return commit(SearchIndexStage.write(linked, writer, cache), false);
    }

    /** Writes the search index of {@code documents} (made beforehand) and puts the whole run in place. */
    SearchDocuments commit(SearchDocuments documents) throws IOException {
      return commit(documents, true);
    }

    private SearchDocuments commit(SearchDocuments documents, boolean write) throws IOException {
      if (write) SearchIndexStage.write(documents, writer);
      written = Set.copyOf(writer.files());
      writer.commit();
      return documents;
    }

    @Override
    public Set<String> written() {
      return written;
    }

    @Override
    public Set<String> deleted() {
      return Set.of();
    }

    @Override
    public void close() {
      writer.close();
    }
  }

  /** The site in place, changed file by file; each step is put in place as it finishes. */
  final class InPlace implements SiteTarget {
    private final Path output;
    private final SiteUpdate pages;
    private final SiteUpdate listings;
    private final Set<String> written = new HashSet<>();
    private final Set<String> deleted = new HashSet<>();

    InPlace(Path output) throws IOException {
      this.output = output;
      this.pages = SiteUpdate.undoable(output);
      this.listings = SiteUpdate.of(output);
    }

    @Override
    public Path root() {
      return output;
    }

    @Override
    public SiteOutput pages() {
      return pages;
    }

    @Override
    public SiteOutput listings() {
      return listings;
    }

    @Override
    public boolean inPlace() {
      return true;
    }

    @Override
    public Set<String> pagesDone() throws IOException {
      pages.commit();
      written.addAll(pages.written());
      return pages.written();
    }

    @Override
    public void undoPages() throws IOException {
      pages.undo();
    }

    @Override
    public void delete(String path) throws IOException {
      listings.delete(path);
    }

    @Override
    public Set<String> listingsDone() throws IOException {
      listings.commit();
      written.addAll(listings.written());
      deleted.addAll(listings.deletedFiles());
      Set<String> changed = new HashSet<>(listings.written());
      changed.addAll(listings.deletedFiles());
      return changed;
    }

    @Override
    public SearchDocuments commit(LinkedLibrary linked, IndexCache cache) throws IOException {
      SiteUpdate index = SiteUpdate.of(output);
      SearchIndexStage.update(linked, index, cache);
      index.commit();
      written.addAll(index.written());
      deleted.addAll(index.deletedFiles());
      return null;
    }

    @Override
    public Set<String> written() {
      return Set.copyOf(written);
    }

    @Override
    public Set<String> deleted() {
      return Set.copyOf(deleted);
    }

    @Override
    public void close() {}
  }
}
