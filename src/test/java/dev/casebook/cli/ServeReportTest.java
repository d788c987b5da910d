package dev.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ServeReportTest {
  static final Diagnostic ERROR = Diagnostic.error(SourcePosition.at("incidents/a.md", 3), "invalid date");
  static final Diagnostic WARNING = Diagnostic.warning(SourcePosition.at("incidents/b.md", 4), "unknown tag");
  static final Diagnostic HINT_A = Diagnostic.hint(new SourcePosition("incidents/a.md", 9, 2), "hindsight: 'should have'", "say what people saw");
  static final Diagnostic HINT_B = Diagnostic.hint(new SourcePosition("incidents/b.md", 7, 1), "blame: 'human error'", "name the conditions");

  static List<String> printed(Consumer<PrintWriter> report) {
    StringWriter text = new StringWriter();
    report.accept(new PrintWriter(text));
    return text.toString().isEmpty() ? List.of() : List.of(text.toString().split("\n"));
  }

  @Test
  void theFirstBuildListsAFewHintsWithTheErrorsAndWarnings() {
    assertEquals(List.of(ERROR.toString(), WARNING.toString(), HINT_A.toString()),
        printed(err -> ServeReport.atStart(err, List.of(ERROR, WARNING, HINT_A))));
  }

  @Test
  void theFirstBuildCountsHintsWhenThereAreMany() {
    List<Diagnostic> diagnostics = new ArrayList<>(List.of(ERROR, WARNING));
    for (int i = 1; i <= ServeReport.LISTED_AT_START + 1; i++) {
      diagnostics.add(Diagnostic.hint(SourcePosition.at("incidents/w" + (i % 4) + ".md", i), "hindsight", "say what people saw"));
    }
    List<String> lines = printed(err -> ServeReport.atStart(err, diagnostics));
    assertEquals(List.of(ERROR.toString(), WARNING.toString(),
        "21 writing hints and notes in 4 files are not listed here: the preview shows a file's over its page and prints them "
            + "when the file is saved; 'casebook check' lists them all."), lines);
  }

  @Test
  void anUpdateListsEveryErrorButTheRestOnlyOfTheSavedFiles() {
    List<Diagnostic> all = List.of(ERROR, HINT_A, WARNING, HINT_B);
    assertEquals(List.of(ERROR.toString(), WARNING.toString(), HINT_B.toString()),
        printed(err -> ServeReport.afterUpdate(err, all, Set.of("incidents/b.md"))));
    assertEquals(List.of(ERROR.toString(), HINT_A.toString()),
        printed(err -> ServeReport.afterUpdate(err, all, Set.of("incidents/a.md"))));
    assertEquals(List.of(ERROR.toString()), printed(err -> ServeReport.afterUpdate(err, all, Set.of("casebook.yml"))));
  }
}
