package dev.casebook.render.view;

/**
 * The page being rendered, as {@code page}.
 *
 * @param kind {@code home}, {@code incident}, {@code incidents}, {@code taxonomy}, {@code term},
 *     {@code 404}
 * @param url site-relative URL, e.g. {@code incidents/INC-2024-007/} ({@code ""} for the home page)
 * @param canonicalUrl absolute URL when the site has a base URL, else empty
 */
public record PageInfo(String kind, String title, String description, String url, String canonicalUrl) {}
