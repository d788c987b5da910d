package dev.casebook.link;

import dev.casebook.diag.SourcePosition;

/**
 * A link a body makes straight to a path of the site rather than to a file of the library: a
 * site-absolute one ({@code /assets/logo.png}, {@code /services/}), or a relative {@code href} or
 * {@code src} of raw HTML, which the browser resolves against the page. Which of these the site
 * has is known once its files are planned; they are checked then, in {@code check} as in
 * {@code build}.
 *
 * @param page the path in the site of the page it is on, e.g. {@code incidents/INC-2024-001/index.html}
 * @param url as written
 * @param at where it is written
 * @param what how a message names it: {@code link}, {@code image}, {@code HTML <img> src}
 */
public record SiteLink(String page, String url, SourcePosition at, String what) {}
