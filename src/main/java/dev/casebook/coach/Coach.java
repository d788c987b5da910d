package dev.casebook.coach;

import dev.casebook.config.CoachSettings;
import dev.casebook.config.SiteConfig;
import dev.casebook.config.Vocabulary;
import dev.casebook.diag.Diagnostic;
import dev.casebook.diag.Diagnostics;
import dev.casebook.markdown.MarkdownBody;
import dev.casebook.markdown.MarkdownParser;
import dev.casebook.model.Incident;
import dev.casebook.model.Library;
import dev.casebook.render.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writing coach stage: reads every write-up as a careful reviewer would and gives hints
 * (below warnings, never blocking) about hindsight and blame, readiness to publish, readers
 * beyond the team and richness, plus the library's own Vale rules. Each hint names its rule;
 * {@code coach:} in casebook.yml switches and tunes them.
 */
public final class Coach {
  private final List<Rule> rules;
  /** The anchor words of the phrase rules among {@link #rules}, looked up in one pass over each block. */
  private final Anchors anchors;
  private final List<ValeRule> vale;
  private final boolean valeErrors;
  private final CoachCache cache;
  /** The write-ups with errors: they get their errors first, hints once they are valid. */
  private final Set<String> broken;
  private final MarkdownParser parser = new MarkdownParser();

  private Coach(List<Rule> rules, List<ValeRule> vale, boolean valeErrors, CoachCache cache, Set<String> broken) {
    this.rules = List.copyOf(rules);
    this.anchors = Anchors.of(this.rules);
    this.vale = List.copyOf(vale);
    this.valeErrors = valeErrors;
    this.cache = cache;
    this.broken = Set.copyOf(broken);
  }

  /**
   * The coach of this run of the build, after validation: reads the rules (and the library's Vale
   * rules, reporting their problems) and drops {@code cache}'s hints when the rules changed. The
   * link stage hands it each body it parses ({@link #read}); {@link #report} then adds every
   * write-up's hints.
   */
  public static Coach prepare(Library library, Path root, Diagnostics diagnostics, CoachCache cache) {
    return prepare(library, root, diagnostics, cache, false);
  }

  /**
   * As {@link #prepare(Library, Path, Diagnostics, CoachCache)}; with {@code errorsOnly}, only the
   * rules whose findings the library made errors ({@code strict}) run, as a site build needs: hints
   * are for {@code check} and the preview, and a build neither prints nor pays for them.
   */
  public static Coach prepare(Library library, Path root, Diagnostics diagnostics, CoachCache cache, boolean errorsOnly) {
    SiteConfig config = library.config();
    CoachSettings settings = config.coach();
    if (!settings.enabled()) return new Coach(List.of(), List.of(), false, cache, Set.of());
    List<ValeRule> vale = settings.vale().isEmpty() ? List.of()
        : ValeStyle.load(root.toAbsolutePath().normalize(), settings.vale(), settings.valePosition(), diagnostics);
    if (errorsOnly) vale = config.strict() ? vale.stream().filter(ValeRule::error).toList() : List.of();
    Skeleton skeleton = skeleton(root, config);
    // casebook.yml changing drops the whole cache; the Vale files and the skeleton may change on their own.
    cache.begin(List.of(skeleton, settings.vale().isEmpty() ? List.of() : ValeStyle.fingerprint(root, settings.vale())));
    Set<String> broken = new HashSet<>();
    for (Diagnostic d : diagnostics.sorted()) if (d.isError()) broken.add(d.position().file());
    List<Rule> rules = rules(config, skeleton, errorsOnly);
    return new Coach(rules, vale, config.strict(), cache, broken);
  }

  /** Coaches every write-up of {@code library}, parsing each body itself: {@link #prepare} and {@link #report} in one. */
  public static void run(Library library, Path root, Diagnostics diagnostics, CoachCache cache) {
    prepare(library, root, diagnostics, cache).report(library, diagnostics);
  }

  /** Reads a write-up's body parsed by the link stage, so that it is not parsed twice. Safe from several threads. */
  public void read(Incident incident, MarkdownBody body) {
    if (enabled() && !broken.contains(incident.source().path())) cache.hints(incident, i -> coach(i, body));
  }

  /** Adds the hints of every write-up to {@code diagnostics}, coaching those the link stage did not parse. */
  public void report(Library library, Diagnostics diagnostics) {
    if (!enabled()) return;
    library.incidents().parallelStream()
        .filter(i -> !broken.contains(i.source().path()))
        .forEach(i -> diagnostics.addAll(cache.hints(i, w -> coach(w, parser.parse(w.source().body())))));
  }

  private boolean enabled() {
    return !rules.isEmpty() || !vale.isEmpty();
  }

  /** The hints about one write-up. */
  private List<Diagnostic> coach(Incident incident, MarkdownBody body) {
    WriteUp writeUp = new WriteUp(incident, body.prose(), anchors);
    Hints hints = new Hints();
    for (Rule rule : rules) rule.check(writeUp, hints);
    for (ValeRule rule : vale) rule.check(writeUp, hints, valeErrors && rule.error());
    return hints.list();
  }

  private static List<Rule> rules(SiteConfig config, Skeleton skeleton, boolean errorsOnly) {
    CoachSettings s = config.coach();
    boolean strict = config.strict();
    // A rule runs when it is on; when only errors are asked for, when its findings are errors too.
    java.util.function.Function<String, CoachSettings.Rule> on = name -> {
      CoachSettings.Rule rule = s.rule(name);
      return rule.on() && (!errorsOnly || (strict && rule.strict())) ? rule : null;
    };
    List<Rule> out = new ArrayList<>();
    CoachSettings.Rule r;
    if ((r = on.apply(HindsightRule.NAME)) != null) out.add(new HindsightRule(strict && r.strict()));
    if ((r = on.apply(BlameRule.NAME)) != null) out.add(new BlameRule(strict && r.strict()));
    if ((r = on.apply(RootCauseRule.NAME)) != null) out.add(new RootCauseRule(strict && r.strict()));
    if ((r = on.apply(PublishReadinessRule.NAME)) != null) {
      out.add(new PublishReadinessRule(skeleton, r.list("sections", PublishReadinessRule.DEFAULT_SECTIONS), strict && r.strict()));
    }
    if ((r = on.apply(AcronymRule.NAME)) != null) {
      Set<String> vocabulary = new HashSet<>();
      for (Vocabulary v : config.vocabularies().values()) vocabulary.addAll(v.terms().keySet());
      // A term of the glossary is defined there: the site links its first use to the definition.
      for (var term : config.glossary().terms()) vocabulary.addAll(term.spellings());
      out.add(new AcronymRule(r.list("allow", List.of()), vocabulary, strict && r.strict()));
    }
    if ((r = on.apply(LengthRule.SENTENCES)) != null) {
      out.add(new LengthRule(true, r.number("max_words", LengthRule.DEFAULT_SENTENCE_WORDS), strict && r.strict()));
    }
    if ((r = on.apply(LengthRule.PARAGRAPHS)) != null) {
      out.add(new LengthRule(false, r.number("max_words", LengthRule.DEFAULT_PARAGRAPH_WORDS), strict && r.strict()));
    }
    if ((r = on.apply(RichnessRule.NAME)) != null) out.add(new RichnessRule(config.idPattern(), skeleton, strict && r.strict()));
    return out;
  }

  /** The prompts of the theme's {@code new-incident.md}, which {@code casebook new} copies. */
  private static Skeleton skeleton(Path root, SiteConfig config) {
    try {
      Theme theme = Theme.load(root.resolve(config.folders().templates()));
      var file = theme.file("new-incident.md");
      if (file.isEmpty()) return Skeleton.NONE;
      return Skeleton.of(Files.readString(file.get(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Skeleton.NONE;
    }
  }
}
