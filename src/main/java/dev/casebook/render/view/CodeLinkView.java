package dev.casebook.render.view;

/**
 * Lines of code a write-up cites in its {@code code} front matter.
 *
 * @param lines {@code 40} or {@code 40-58}
 * @param commit the first 7 digits of the commit the link is pinned to, or empty when it points at
 *     {@code branch}
 * @param url the permalink
 */
public record CodeLinkView(String repo, String path, String lines, String commit, String branch, String url) {}
