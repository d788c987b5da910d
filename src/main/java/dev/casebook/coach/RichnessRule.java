package dev.casebook.coach;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A short note (a note, not a hint: milder than the other rules) for a published write-up that has
 * no timeline, no diagram and no link to another write-up, a design document or code: what readers
 * find useful.
 */
final class RichnessRule implements Rule {
  static final String NAME = "richness";

  private final Pattern idPattern;
  private final Skeleton skeleton;
  private final boolean asError;

  RichnessRule(Pattern idPattern, Skeleton skeleton, boolean asError) {
    this.idPattern = idPattern;
    this.skeleton = skeleton;
    this.asError = asError;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void check(WriteUp writeUp, Hints hints) {
    if (!writeUp.published()) return;
    List<Sections.Section> sections = writeUp.sections(skeleton);
    boolean timeline = sections.stream().anyMatch(s -> !s.empty() && s.title().toLowerCase(java.util.Locale.ROOT).contains("timeline"));
    boolean diagram = writeUp.prose.images() > 0 || writeUp.prose.diagramBlocks() > 0;
    boolean links = !writeUp.prose.links().isEmpty() || !writeUp.incident.related().isEmpty() || !writeUp.incident.code().isEmpty()
        || (idPattern != null && idPattern.matcher(writeUp.incident.source().body()).find());
    if (timeline || diagram || links) return;
    hints.add(NAME, dev.casebook.diag.Severity.NOTE, asError, writeUp.incident.source().positionOf("title"),
        "no timeline, no diagram and no link to another write-up, a design document or code",
        "readers find most use in a timeline of what people saw and did, a diagram of the parts involved, "
            + "and links to related write-ups, designs and code");
  }
}
