package dev.casebook.render.view;

import java.util.List;

/** What {@code sitemap.ftlx} sees: every page of a site with a base URL, with its last change. */
public record SitemapPage(PageContext context, List<SitemapEntry> urls) implements PageModel {}
