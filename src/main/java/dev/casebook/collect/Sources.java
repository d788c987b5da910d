package dev.casebook.collect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a reader came from, decided on the collector: a {@code ?src=} tag on the link wins; a
 * referrer on the site itself names the write-up, design page or search it came from; a referrer
 * on another host is kept as its origin only and mapped to a category by its longest matching host
 * entry; no referrer is
 * {@code direct}. Only http(s) referrers count.
 */
public final class Sources {
  public static final List<String> CATEGORIES = dev.casebook.readership.Readership.SOURCES;
  /** {@code ?src=} tags Casebook's own links may carry, and what they mean. */
  private static final Map<String, String> TAGS = Map.ofEntries(
      Map.entry("write-up", "write-up"), Map.entry("design", "design"), Map.entry("design-doc", "design"),
      Map.entry("adr", "design"), Map.entry("rfc", "design"), Map.entry("code", "code"), Map.entry("chat", "chat"),
      Map.entry("search", "search"), Map.entry("feed", "feed"), Map.entry("atom", "feed"), Map.entry("email", "other"));
  /** Hosts by category; a host matches an entry equal to it or ending in "." + entry. */
  public static final Map<String, List<String>> DEFAULT_HOSTS = defaults();
  private static final Pattern URL = Pattern.compile("(?i)(https?)://([^/?#\\s@]+)([^?#]*)(?:[?#].*)?", Pattern.DOTALL);
  private static final Pattern WRITE_UP = Pattern.compile("/incidents/([A-Za-z0-9._-]{1,128})/");
  private static final Pattern DESIGN = Pattern.compile("/design/");
  private static final Pattern SEARCH = Pattern.compile("/search/");

  private final Set<String> siteOrigins;
  private final Map<String, List<String>> hosts;

  /**
   * @param siteOrigins the origins of the site itself, like {@code https://incidents.example.com}
   * @param hosts more hosts by category, consulted before the defaults
   */
  public Sources(Set<String> siteOrigins, Map<String, List<String>> hosts) {
    this.siteOrigins = Set.copyOf(siteOrigins);
    Map<String, List<String>> all = new LinkedHashMap<>(hosts);
    DEFAULT_HOSTS.forEach((k, v) -> all.merge(k, v, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    this.hosts = all;
  }

  /** The result: category, the write-up it came from (or null) and the referrer to keep (or null). */
  public record Origin(String source, String fromDoc, String referrer) {}

  /**
   * @param requestOrigin the request's own {@code Origin} (the page's origin), or null
   */
  public Origin classify(String referrer, String srcTag, String requestOrigin) {
    Origin fromReferrer = fromReferrer(referrer, requestOrigin);
    String tagged = TAGS.get(srcTag);
    if (tagged != null) return new Origin(tagged, fromReferrer.fromDoc(), fromReferrer.referrer());
    return fromReferrer;
  }

  private Origin fromReferrer(String referrer, String requestOrigin) {
    if (referrer == null || referrer.isEmpty()) return new Origin("direct", null, null);
    // browsers send well-formed URLs; anything else is read leniently, as scheme://host[:port]/path
    Matcher parts = URL.matcher(referrer);
    if (!parts.matches()) return new Origin("other", null, null);
    URI uri;
    try {
      uri = new URI(parts.group(1) + "://" + parts.group(2));
    } catch (URISyntaxException e) {
      return new Origin("other", null, null);
    }
    if (uri.getHost() == null) return new Origin("other", null, null);
    String origin = origin(uri);
    if (siteOrigins.contains(origin) || origin.equals(requestOrigin)) {
      String path = parts.group(3) == null || parts.group(3).isEmpty() ? "/" : parts.group(3);
      Matcher m = WRITE_UP.matcher(path);
      if (m.find()) return new Origin("write-up", m.group(1), path);
      if (DESIGN.matcher(path).find()) return new Origin("design", null, path);
      if (SEARCH.matcher(path).find()) return new Origin("search", null, path);
      return new Origin("site", null, path);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String best = "other";
    int bestLength = -1;
    for (Map.Entry<String, List<String>> e : hosts.entrySet()) {
      for (String h : e.getValue()) {
        if ((host.equals(h) || host.endsWith("." + h)) && h.length() > bestLength) {
          best = e.getKey();
          bestLength = h.length();
        }
      }
    }
    return new Origin(best, null, origin);
  }

  /** {@code scheme://host[:port]} in lower case, the way browsers send {@code Origin}. */
  public static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  private static Map<String, List<String>> defaults() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("design", List.of("docs.google.com", "notion.so", "notion.site", "atlassian.net", "quip.com", "coda.io"));
    m.put("code", List.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sourcegraph.com", "gitea.com"));
    m.put("chat", List.of("slack.com", "teams.microsoft.com", "teams.live.com", "chat.google.com", "discord.com",
        "mattermost.com", "zulipchat.com"));
    m.put("search", List.of("google.com", "bing.com", "duckduckgo.com", "search.brave.com", "ecosia.org", "kagi.com"));
    return java.util.Collections.unmodifiableMap(m);
  }
}
