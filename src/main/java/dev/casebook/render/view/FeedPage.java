package dev.casebook.render.view;

import java.util.List;

/**
 * What {@code feed.ftlx} sees: the Atom feed of the newest write-ups.
 *
 * @param updated the newest entry's time, ISO 8601
 * @param feedId the feed's id: its URL, or a {@code urn:casebook:} name for a site without a base URL
 */
public record FeedPage(PageContext context, List<FeedEntry> entries, String updated, String feedId) implements PageModel {}
