package dev.casebook.render.view;

/**
 * A comment in code that cites the write-up being shown.
 *
 * @param path the file, relative to the repository root
 * @param text the comment's text
 * @param commit the first 7 digits of the commit scanned, or empty when the checkout is not a git
 *     repository
 * @param url the permalink to the line
 */
public record CodeCitingView(String repo, String path, int line, String text, String commit, String url) {}
