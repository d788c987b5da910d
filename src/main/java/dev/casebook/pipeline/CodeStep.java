package dev.casebook.pipeline;

import dev.casebook.code.CodeFindings;
import dev.casebook.code.CodeStage;
import dev.casebook.config.CodeRepository;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.model.Library;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The code stage in a run of the pipeline, with the last run kept: run again only when its inputs
 * (what it reads of the library) or a checkout's files changed.
 */
final class CodeStep {
  /** The code stage's last run: what it was given and what it found. */
  private record Run(CodeStage.Inputs inputs, CodeFindings findings, List<Diagnostic> diagnostics) {}

  private final Path root;
  private final Path source;
  private Run last;

  /** @param root the library's root, absolute and normalized; @param source the library's root as given */
  CodeStep(Path root, Path source) {
    this.root = root;
    this.source = source;
  }

  /** What the code stage finds for {@code library}, after {@code changed} files (absolute paths) changed. */
  CodeFindings run(Library library, Set<Path> changed, Diagnostics diagnostics) {
    // Without a code repository the stage finds nothing, whatever the write-ups say.
    if (library.config().code().isEmpty()) {
      last = null;
      return CodeFindings.NONE;
    }
    CodeStage.Inputs inputs = CodeStage.Inputs.of(library);
    boolean checkoutChanged = false;
    for (CodeRepository repo : inputs.repositories()) {
      if (!repo.hasCheckout()) continue;
      Path checkout = root.resolve(repo.path()).normalize();
      checkoutChanged |= changed.stream().anyMatch(p -> p.startsWith(checkout));
    }
    if (last != null && !checkoutChanged && last.inputs().equals(inputs)) {
      diagnostics.addAll(last.diagnostics());
      return last.findings();
    }
    Diagnostics own = new Diagnostics();
    CodeFindings findings = CodeStage.run(inputs, source, own);
    last = new Run(inputs, findings, own.sorted());
    diagnostics.addAll(own.sorted());
    return findings;
  }
}
