package dev.casebook.index;

import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Memo;
import dev.casebook.search.AnalyzedField;

/**
 * What the index stage keeps for the next build: each body's plain text (taken from its HTML, by
 * rendered body), each field value's terms (so that an update tokenizes only the values that
 * changed), and the documents the site's index files were last written from, so that an update
 * rewrites only the files whose documents changed.
 */
public final class IndexCache {
  final Memo<RenderedBody, String> texts = Memo.byIdentity();
  final Memo<Object, AnalyzedField> analyses = Memo.byValue();
  /** Analyses by one analyzer per thread: the index stage analyzes the documents' values on every core. */
  final java.util.function.Function<Object, AnalyzedField> analyzer = FieldAnalysis.perThread();
  volatile SearchDocuments written;
  /** Whether an update of the index in place should stop: a newer change is waiting. */
  private volatile java.util.function.BooleanSupplier stop = () -> false;

  /**
   * Thrown by an update of the index in place that was asked to stop, before anything of it was
   * written: the site's search files are still those of {@link #written}, so the next update writes
   * what both changes changed.
   */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super("the search index update was stopped for a newer change", null, false, false);
    }
  }

  /**
   * Makes the updates of the index in place stop, at their next check, once {@code stop} says so
   * (a later save under {@code serve}); {@code () -> false} to let them finish.
   */
  public void stopWhen(java.util.function.BooleanSupplier stop) {
    this.stop = stop;
  }

  /** Throws {@link Stopped} when the update should stop. */
  void stopIfAsked() {
    if (stop.getAsBoolean()) throw new Stopped();
  }

  public static IndexCache none() {
    return new IndexCache();
  }
}
