package dev.casebook.link;

/** Where things are in the built site; every URL is relative to the site root. */
public final class SitePaths {
  private SitePaths() {}

  public static String incident(String id) {
    return "incidents/" + id + "/";
  }

  public static String design(String slug) {
    return "design/" + slug + "/";
  }

  /** How a design document is named in the citation graph. */
  public static String designKey(String slug) {
    return "design/" + slug;
  }

  /** Files copied from beside the write-ups keep their path under {@code media/}. */
  public static String media(String pathInContentFolder) {
    return "media/" + pathInContentFolder;
  }

  /** The way back to the site root from a page at {@code url} ({@code a/b/} gives {@code ../../}). */
  public static String rootFrom(String url) {
    int depth = 0;
    for (int i = 0; i < url.length(); i++) if (url.charAt(i) == '/') depth++;
    return "../".repeat(depth);
  }

  /** The path of a base URL ({@code /docs/} of {@code https://x.example/docs/}), or {@code /}. */
  public static String basePath(String baseUrl) {
    if (baseUrl.isEmpty()) return "/";
    String path = java.net.URI.create(baseUrl).getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }
}
