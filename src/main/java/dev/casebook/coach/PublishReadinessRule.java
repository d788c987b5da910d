package dev.casebook.coach;

import dev.casebook.diag.SourcePosition;
import dev.casebook.model.Incident;
import dev.casebook.model.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a published write-up still lacks: a summary, authors, the moments it started, was
 * detected and mitigated, the sections the library expects, and the skeleton's prompts and
 * placeholders replaced.
 */
final class PublishReadinessRule implements Rule {
  static final String NAME = "publish-readiness";
  static final List<String> DEFAULT_SECTIONS = List.of("What made it difficult", "Contributors");
  static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\{\\{|\\b(?:todo|tbd|tbc|fixme|xxx|lorem ipsum)\\b");

  private final Skeleton skeleton;
  private final List<String> sections;
  /** The same, {@link Sections#normalize normalized}. */
  private final List<String> normalSections;
  private final boolean asError;

  PublishReadinessRule(Skeleton skeleton, List<String> sections, boolean asError) {
    this.skeleton = skeleton;
    this.sections = List.copyOf(sections);
    this.normalSections = this.sections.stream().map(Sections::normalize).toList();
    this.asError = asError;
  }

  @Override
  public String name() {
    return NAME;
  }

  private static String or(List<String> words) {
    if (words.size() == 1) return words.get(0);
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  /**
   * Whether {@code summary} holds a placeholder ({@link #PLACEHOLDER}). The pattern ignores the
   * case of ASCII letters only, so a summary it matches has one of its words in lower case once
   * the summary is: the pattern runs only on one that has.
   */
  static boolean placeholder(String summary) {
    String lower = summary.toLowerCase(java.util.Locale.ROOT);
    for (String word : PLACEHOLDER_WORDS) {
      if (lower.contains(word)) return PLACEHOLDER.matcher(summary).find();
    }
    return false;
  }

  /** What {@link #PLACEHOLDER} cannot match without. */
  private static final List<String> PLACEHOLDER_WORDS = List.of("{{", "todo", "tbd", "tbc", "fixme", "xxx", "lorem ipsum");

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    if (!writeUp.published()) return;
    Incident i = writeUp.incident;
    Incident.Source source = i.source();
    SourcePosition status = source.positionOf("status");
    if (i.summary().isBlank() || placeholder(i.summary())) {
      hints.add(NAME, asError, source.positionOf("summary"), "the summary is " + (i.summary().isBlank() ? "empty" : "a placeholder"),
          "write one or two sentences a reader can act on: what broke, for whom, and what made it hard");
    }
    if (i.authors().isEmpty()) {
      hints.add(NAME, asError, source.keyPositions().containsKey("authors") ? source.positionOf("authors") : status,
          "the write-up names no authors", "add authors: [...] so readers know whom to ask");
    }
    Timeline t = i.timeline();
    List<String> missing = new ArrayList<>();
    if (t.started() == null) missing.add("started");
    if (t.detected() == null) missing.add("detected");
    if (t.mitigated() == null) missing.add("mitigated");
    if (!missing.isEmpty()) {
      String key = missing.stream().filter(source.keyPositions()::containsKey).findFirst().orElse(null);
      hints.add(NAME, asError, key != null ? source.positionOf(key) : status,
          "the front matter has no " + or(missing) + " time",
          "add " + (missing.size() == 1 ? "it" : "them") + ", e.g. " + missing.get(0) + ": 2024-03-05T14:02:00Z, so readers see how long each phase took");
    }
    int run = -1;
    for (int line = 1; line <= writeUp.lineCount(); line++) {
      boolean filler = writeUp.filler(skeleton, line);
      if (filler && run < 0) {
        run = line;
        String text = writeUp.line(line).strip();
        boolean prompt = text.startsWith("*") || text.startsWith("_");
        hints.add(NAME, asError, writeUp.atLine(line),
            prompt ? "the template's prompt is still here" : "the template's placeholder '" + text + "' is still here",
            prompt ? "answer it in your own words, then delete the prompt" : "replace it with what happened, or delete it");
      } else if (!filler) {
        run = -1;
      }
    }
    List<Sections.Section> all = writeUp.sections(skeleton);
    for (int w = 0; w < sections.size(); w++) {
      String wanted = sections.get(w);
      Sections.Section found = null;
      for (Sections.Section s : all) {
        if (s.namedAs(normalSections.get(w))) {
          found = s;
          break;
        }
      }
      if (found == null) {
        hints.add(NAME, asError, status, "there is no '" + wanted + "' section",
            "add a '## " + wanted + "' section: readers learn most from it");
      } else if (found.empty()) {
        hints.add(NAME, asError, writeUp.atLine(found.line()), "the '" + found.title() + "' section is empty",
            "write it, or remove the heading if it truly does not apply");
      }
    }
  }
}
