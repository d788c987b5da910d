package dev.casebook.render.view;

import java.util.List;

/**
 * Where a page stands in one reading path: "3 of 6 in Payments on-call". It holds only what the
 * page shows, so that a change to the path re-renders the pages of the steps it touches.
 *
 * @param pathTitle the path's title
 * @param pathUrl site-relative URL of the path's page
 * @param number the page's step, from 1
 * @param count how many steps the path has
 * @param reason why the page is on the path
 * @param previous the step before it, or null
 * @param next the step after it, or null
 * @param slug the path's slug, which the readership beacon names the path by
 * @param steps the site-relative URLs of every step, in order, for the reader's progress
 */
public record PathPlace(String pathTitle, String pathUrl, int number, int count, String reason, Step previous, Step next,
    String slug, List<String> steps) {
  public PathPlace {
    steps = List.copyOf(steps);
  }

  /** A neighbouring step, as a link. */
  public record Step(String title, String url) {}
}
