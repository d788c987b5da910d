package dev.casebook.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a repository's web pages link to lines of a file. Placeholders: {@code {url}} (the
 * repository's web URL, without a trailing slash), {@code {commit}} (the commit, or the branch
 * for a link that is not pinned), {@code {path}} (the file, relative to the repository root, each
 * segment percent-encoded), {@code {start}} and {@code {end}} (the first and last line). For a
 * single line, an {@code {end}} written right after {@code {start}} with {@code -L}, {@code -},
 * {@code :} or {@code ,} between them is left out, so GitHub's {@code #L{start}-L{end}} gives
 * {@code #L42}.
 *
 * @param pinned the template for a link pinned to a commit
 * @param branch the template for a link to a branch, when no commit is known
 */
public record PermalinkTemplate(String pinned, String branch) {
  public static final List<String> PLACEHOLDERS = List.of("url", "commit", "path", "start", "end");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
  /** The end of a range right after its start ({@code -L{end}}, {@code -{end}}, {@code :{end}}), left out for one line. */
  private static final Pattern RANGE_END = Pattern.compile("(?<=\\{start\\})(-L|-|:|,)\\{end\\}");

  /** One template for both kinds of link, as written in {@code casebook.yml}. */
  public static PermalinkTemplate of(String template) {
    return new PermalinkTemplate(template, template);
  }

  /** The placeholders of {@code template} that are not known, in order; empty when it is fine. */
  public static List<String> unknownPlaceholders(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    List<String> unknown = new java.util.ArrayList<>();
    while (m.find()) if (!PLACEHOLDERS.contains(m.group(1))) unknown.add(m.group(1));
    return unknown;
  }

  /**
   * The link to lines {@code start} to {@code end} of {@code path}.
   *
   * @param commit the commit, or null to link to {@code branch}
   */
  public String link(String url, String commit, String branch, String path, int start, int end) {
    String template = commit == null ? this.branch : pinned;
    if (start == end) template = RANGE_END.matcher(template).replaceFirst("");
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = switch (m.group(1)) {
        case "url" -> base;
        case "commit" -> commit == null ? encodePath(branch) : commit;
        case "path" -> encodePath(path);
        case "start" -> Integer.toString(start);
        case "end" -> Integer.toString(end);
        default -> m.group();
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Percent-encodes each segment of a {@code /}-separated path, keeping the slashes. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (out.length() > 0 || path.startsWith("/")) out.append('/');
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~"));
    }
    return out.toString();
  }
}
