package dev.casebook.render.view;

/**
 * What every page's layout reads, seen by templates as top-level names: {@code site},
 * {@code assets}, {@code readership}, {@code page} and {@code root}.
 *
 * @param assets the URL of the assets folder from the page, e.g. {@code ../../assets/}
 * @param readership the readership endpoint the beacon posts to; empty for none
 * @param root the URL of the site's root from the page, e.g. {@code ../../}
 */
public record PageContext(SiteView site, String assets, String readership, PageInfo page, String root) {
  /**
   * The context of the page at {@code url} (in the site, e.g. {@code incidents/INC-2024-001/}):
   * its links lead back up to the site's root, and its canonical URL is under {@code baseUrl} when
   * the site has one.
   *
   * @param description the page's description, or null for none
   */
  public static PageContext of(SiteView site, String baseUrl, String readershipEndpoint, String kind, String title,
      String description, String url) {
    String root = dev.casebook.link.SitePaths.rootFrom(url);
    String canonical = baseUrl.isEmpty() ? "" : baseUrl + url;
    return new PageContext(site, root + "assets/", readershipEndpoint,
        new PageInfo(kind, title, description == null ? "" : description, url, canonical), root);
  }
}
