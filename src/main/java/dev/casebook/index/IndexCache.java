package dev.casebook.index;

import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Memo;

/**
 * What the index stage keeps for the next build: each body's plain text (taken from its HTML, by
 * rendered body) and the documents the site's index files were last written from, so that an
 * update rewrites only the files whose documents changed.
 */
public final class IndexCache {
  final Memo<RenderedBody, String> texts = Memo.byIdentity();
  volatile SearchDocuments written;

  public static IndexCache none() {
    return new IndexCache();
  }
}
