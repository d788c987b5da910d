package dev.casebook.index;

import dev.casebook.markdown.RenderedBody;
import dev.casebook.memo.Memo;
import dev.casebook.search.AnalyzedField;
import dev.casebook.search.LunrIndexBuilder;

/**
 * What the index stage keeps for the next build: each body's plain text (taken from its HTML, by
 * rendered body), each field value's terms (so that an update tokenizes only the values that
 * changed), and the documents the site's index files were last written from, so that an update
 * rewrites only the files whose documents changed.
 */
public final class IndexCache {
  final Memo<RenderedBody, String> texts = Memo.byIdentity();
  final Memo<Object, AnalyzedField> analyses = Memo.byValue();
  final LunrIndexBuilder analyzer = SearchDocuments.analyzer();
  volatile SearchDocuments written;

  public static IndexCache none() {
    return new IndexCache();
  }
}
