package dev.casebook.model;

import dev.casebook.diag.SourcePosition;
import java.util.List;

/**
 * A reading path: write-ups (and design documents) to read in order, chosen for an audience, each
 * with the reason it is there.
 *
 * @param slug its name in URLs ({@code /paths/<slug>/}), from its file name
 * @param audience who it is for, e.g. "new on-call for payments"
 * @param steps in reading order, each one in the site
 * @param source its file; the body is the path's introduction
 */
public record ReadingPath(String slug, String title, String audience, List<Step> steps, Incident.Source source) {
  public ReadingPath {
    steps = List.copyOf(steps);
  }

  /** What a step leads to. */
  public enum Kind {
    WRITE_UP,
    DESIGN
  }

  /**
   * One step of a path.
   *
   * @param target the write-up's id, or the design document's slug
   * @param reason one sentence on why it is on the path
   * @param position where the step names its target
   */
  public record Step(Kind kind, String target, String reason, SourcePosition position) {}
}
