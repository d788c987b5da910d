package dev.casebook.index;

import dev.casebook.search.AnalyzedField;
import dev.casebook.search.LunrIndexBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * How the index stage tokenizes the documents' field values on every core: one analyzer per thread
 * (an analyzer works on one value at a time and keeps the terms it has seen), and documents
 * analyzed a batch at a time, the next batch while the builder adds this one in document order,
 * which is all the index depends on: the same index as adding each document's fields
 * ({@code LunrIndexBuilderTest}). Batches keep the analyses held at once few.
 */
final class FieldAnalysis {
  /** Documents analyzed at once. */
  private static final int BATCH = 512;

  private FieldAnalysis() {}

  /** Analyses of field values, each by its thread's own analyzer; a null value has no tokens. */
  static Function<Object, AnalyzedField> perThread() {
    ThreadLocal<LunrIndexBuilder> analyzers = ThreadLocal.withInitial(SearchDocuments::analyzer);
    return value -> value == null ? AnalyzedField.EMPTY : analyzers.get().analyze(value);
  }

  /** Adds every document to {@code builder}, in order, with the fields of {@code group} as {@code analyze} gives them. */
  static void addAll(LunrIndexBuilder builder, List<SearchDocuments.Document> documents, SearchDocuments.Group group,
      Function<Object, AnalyzedField> analyze) {
    CompletableFuture<List<List<AnalyzedField>>> next = batch(documents, 0, group, analyze);
    for (int from = 0; from < documents.size(); from += BATCH) {
      List<List<AnalyzedField>> analyzed = joined(next);
      next = from + BATCH < documents.size() ? batch(documents, from + BATCH, group, analyze) : null;
      for (int i = 0; i < analyzed.size(); i++) builder.add(documents.get(from + i).ref(), analyzed.get(i), 1);
    }
  }

  /** The analyses of the batch of documents from {@code from}, made on every core. */
  private static CompletableFuture<List<List<AnalyzedField>>> batch(List<SearchDocuments.Document> documents, int from,
      SearchDocuments.Group group, Function<Object, AnalyzedField> analyze) {
    List<SearchDocuments.Document> batch = documents.subList(from, Math.min(documents.size(), from + BATCH));
    return CompletableFuture.supplyAsync(() -> batch.parallelStream().map(d -> {
      List<AnalyzedField> fields = new ArrayList<>(group.fields().size());
      for (SearchDocuments.Field f : group.fields()) fields.add(analyze.apply(d.fields().get(f.name())));
      return fields;
    }).toList());
  }

  /** The value of {@code future}, with what the analysis threw thrown as it was. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }
}
