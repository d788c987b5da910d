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

  /** A reading path's page. */
  public static String path(String slug) {
    return "paths/" + slug + "/";
  }

  /** The glossary's page. */
  public static String glossary() {
    return "glossary/";
  }

  /** How a design document is named in the citation graph. */
  public static String designKey(String slug) {
    return "design/" + slug;
  }

  /** Files copied from beside the write-ups keep their path under {@code media/}. */
  public static String media(String pathInContentFolder) {
    return "media/" + pathInContentFolder;
  }

  /**
   * {@code path} (a path in the site, as it is on disk) written for a link: {@code %}, spaces,
   * {@code #}, {@code ?}, quotes, control characters and the like percent-encoded, so that a
   * browser asks for that very file; other characters, non-Latin letters included, stay as they
   * are.
   */
  public static String href(String path) {
    StringBuilder out = null;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean keep = c > 0x7f ? !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
          : c > ' ' && c < 0x7f && "%#?\"'<>\\^`{|}".indexOf(c) < 0;
      if (keep) {
        if (out != null) out.append(c);
        continue;
      }
      if (out == null) out = new StringBuilder(path.length() + 16).append(path, 0, i);
      int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
      for (byte b : path.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
      i = end - 1;
    }
    return out == null ? path : out.toString();
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
