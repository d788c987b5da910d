package dev.casebook.render.view;

/** A URL of the sitemap with the date it last changed. */
public record SitemapEntry(String loc, String lastmod) {}
