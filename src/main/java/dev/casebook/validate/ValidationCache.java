package dev.casebook.validate;

import dev.casebook.diag.Diagnostic;
import dev.casebook.load.SourceDocument;
import dev.casebook.memo.Memo;
import dev.casebook.model.Incident;
import java.util.List;
import java.util.Optional;

/**
 * Each write-up's front matter as the validate stage read it last time, with its problems, by
 * source document: a file that was not read again is not validated again. Only the checks that
 * look across the library (unique ids, related ids) run over every write-up each time.
 */
public final class ValidationCache {
  record Read(Optional<Incident> incident, List<Diagnostic> diagnostics) {}

  final Memo<SourceDocument, Read> reads = Memo.byIdentity();

  public static ValidationCache none() {
    return new ValidationCache();
  }
}
