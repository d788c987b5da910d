package dev.casebook.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The settings of {@code casebook.yml} that the site renders as URLs, and what each may hold:
 * an absolute http(s) URL, or (where said) a path on the site's host. Nothing else, so no
 * {@code javascript:}, {@code data:} or {@code vbscript:} URL reaches a page from the settings.
 */
public final class UrlSettings {
  /** Every URL setting, as its key is written ({@code code[]} is each item of the code list). */
  public static final List<String> KEYS = List.of(
      "base_url", "edit_url", "readership.endpoint", "code[].url", "code[].permalink");

  private UrlSettings() {}

  /** An absolute http: or https: URL with a host. */
  static boolean absoluteHttp(String url) {
    try {
      URI uri = new URI(url);
      return uri.isAbsolute() && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An absolute http(s) URL, or a path on the site's host ({@code /x}, not {@code //host}). */
  static boolean absoluteHttpOrSitePath(String url) {
    if (absoluteHttp(url)) return true;
    try {
      URI uri = new URI(url);
      return !uri.isAbsolute() && uri.getRawAuthority() == null && url.startsWith("/") && !url.startsWith("//");
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
