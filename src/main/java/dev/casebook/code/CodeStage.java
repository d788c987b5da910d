package dev.casebook.code;

import dev.casebook.config.CodeRepository;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.model.CodeReference;
import dev.casebook.model.BrokenWriteUp;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The code stage: pins and checks every write-up's {@code code} references against the local
 * checkouts, and scans the checkouts that have {@code scan} on for comments citing write-ups.
 * A comment that cites an id nobody wrote is a warning, not an error: the code is not the
 * library's to fix. Comments citing drafts are left out unless drafts are built.
 */
public final class CodeStage {
  private CodeStage() {}

  /**
   * Everything the code stage reads of the library. Its findings are a function of these and of
   * the checkouts' files, so a cache may keep them while both are unchanged.
   *
   * @param idPattern the pattern of ids ({@link Pattern#pattern()}), or null
   * @param references each write-up's code references, by id
   * @param inSite the ids of the write-ups the site shows
   * @param knownIds every valid id, drafts included
   * @param broken the write-ups left out for their errors, by id in lower case
   */
  public record Inputs(List<CodeRepository> repositories, String idPattern, int idPatternFlags,
      Map<String, List<CodeReference>> references, Set<String> inSite, Set<String> knownIds, Map<String, BrokenWriteUp> broken) {
    public static Inputs of(Library library) {
      SiteConfig config = library.config();
      Map<String, List<CodeReference>> references = new LinkedHashMap<>();
      for (Incident i : library.incidents()) if (!i.code().isEmpty()) references.put(i.id(), i.code());
      Pattern ids = config.idPattern();
      return new Inputs(List.copyOf(config.code()), ids == null ? null : ids.pattern(), ids == null ? 0 : ids.flags(),
          Map.copyOf(references), library.incidents().stream().map(Incident::id).collect(Collectors.toUnmodifiableSet()),
          Set.copyOf(library.knownIds()), Map.copyOf(library.brokenIds()));
    }

    /** The write-up that has {@code id} and was left out for its errors. */
    java.util.Optional<BrokenWriteUp> brokenWriteUp(String id) {
      return java.util.Optional.ofNullable(broken.get(id.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  public static CodeFindings run(Library library, Path libraryRoot, Diagnostics diagnostics) {
    return run(Inputs.of(library), libraryRoot, diagnostics);
  }

  public static CodeFindings run(Inputs library, Path libraryRoot, Diagnostics diagnostics) {
    if (library.repositories().isEmpty()) return CodeFindings.NONE;
    Map<String, Checkout> checkouts = new LinkedHashMap<>();
    try {
      for (CodeRepository repo : library.repositories()) {
        if (!repo.hasCheckout()) continue;
        try {
          checkouts.put(repo.name(), Checkout.open(repo, libraryRoot));
        } catch (IOException e) {
          diagnostics.error(repo.position(), "cannot open the checkout of code repository '" + repo.name() + "' at '" + repo.path() + "': "
              + (e instanceof java.nio.file.NoSuchFileException ? "the folder does not exist" : e.getMessage()),
              "'path' is relative to casebook.yml");
        }
      }
      Map<String, List<PinnedReference>> references = references(library, checkouts, diagnostics);
      List<CodeCitation> citations = scan(library, checkouts, diagnostics);
      return new CodeFindings(references, citations);
    } finally {
      checkouts.values().forEach(Checkout::close);
    }
  }

  private static Map<String, List<PinnedReference>> references(Inputs library, Map<String, Checkout> checkouts,
      Diagnostics diagnostics) {
    Map<String, CheckoutVerifier> verifiers = new LinkedHashMap<>();
    checkouts.forEach((name, checkout) -> verifiers.put(name, new CheckoutVerifier(checkout, diagnostics)));
    // JGit reads a repository from several threads at once; each check has its own reader.
    Map<String, List<PinnedReference>> out = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, CodeRepository> repositories = new LinkedHashMap<>();
    for (CodeRepository r : library.repositories()) repositories.put(r.name(), r);
    library.references().entrySet().parallelStream().forEach(incident -> {
      List<PinnedReference> pinned = new ArrayList<>();
      for (CodeReference ref : incident.getValue()) {
        CodeRepository repo = repositories.get(ref.repo());
        CheckoutVerifier verifier = verifiers.get(ref.repo());
        if (verifier != null) {
          pinned.add(verifier.pin(ref));
        } else if (!repo.hasCheckout()) {
          pinned.add(CheckoutVerifier.unchecked(repo, ref));
        }
      }
      out.put(incident.getKey(), pinned);
    });
    return out;
  }

  private static List<CodeCitation> scan(Inputs library, Map<String, Checkout> checkouts, Diagnostics diagnostics) {
    Set<String> inSite = library.inSite();
    Pattern ids = library.idPattern() == null ? null : Pattern.compile(library.idPattern(), library.idPatternFlags());
    CodeScanner scanner = new CodeScanner(IdFinder.of(ids, library.knownIds()));
    List<CodeCitation> out = new ArrayList<>();
    for (Checkout checkout : checkouts.values()) {
      if (!checkout.repository().scan()) continue;
      List<CodeCitation> found;
      try {
        found = scanner.scan(checkout);
      } catch (IOException | RuntimeException e) {
        diagnostics.error(checkout.repository().position(), "cannot scan the checkout of code repository '"
            + checkout.repository().name() + "': " + e.getMessage());
        continue;
      }
      for (CodeCitation c : found) {
        if (inSite.contains(c.id())) {
          out.add(c);
        } else if (library.brokenWriteUp(c.id()).filter(b -> b.id().equals(c.id())).isPresent()) {
          diagnostics.note(c.position(), "a comment cites write-up '" + c.id() + "', which has errors of its own",
              "see " + library.brokenWriteUp(c.id()).get().error());
        } else if (!library.knownIds().contains(c.id())) {
          warnUnknown(c.position(), c.id(), library.knownIds(), diagnostics);
        }
      }
    }
    return out;
  }

  private static void warnUnknown(SourcePosition at, String id, Set<String> known, Diagnostics diagnostics) {
    String hint = Suggestions.didYouMean(id, known);
    diagnostics.warning(at, "a comment cites unknown incident id '" + id + "'",
        hint != null ? hint : "no write-up has this id; the comment is not shown on the site");
  }
}
