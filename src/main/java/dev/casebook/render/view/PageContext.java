package dev.casebook.render.view;

/**
 * What every page's layout reads, seen by templates as top-level names: {@code site},
 * {@code assets}, {@code readership}, {@code page} and {@code root}.
 *
 * @param assets the URL of the assets folder from the page, e.g. {@code ../../assets/}
 * @param readership the readership endpoint the beacon posts to; empty for none
 * @param root the URL of the site's root from the page, e.g. {@code ../../}
 */
public record PageContext(SiteView site, String assets, String readership, PageInfo page, String root) {}
