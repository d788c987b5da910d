package dev.casebook.config;

import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of one library, read from {@code casebook.yml}; every one has a default.
 *
 * @param baseUrl absolute URL of the site, ending in {@code /}, or empty when unknown
 * @param idPattern the pattern every id must match in full, or null for any safe id
 * @param idFormat how {@code casebook new} makes the next id, e.g. {@code INC-{year}-{seq:3}}
 * @param ownerField the front matter key that names the owning team
 * @param vocabularies by key: {@code services}, {@code teams}, {@code tags}, {@code severities}
 * @param readership where the pages' readership beacon sends its events; off when the endpoint is empty
 * @param code the code repositories write-ups cite and that may cite them, in the order written
 * @param editUrl where a write-up's file can be edited, with {@code {path}} for its path in the
 *     library (e.g. {@code https://github.com/acme/incidents/edit/main/{path}}); empty for none
 * @param strict whether warnings count as errors (they fail check and stop a build)
 * @param limits how many items each list of a write-up's front matter may have
 * @param coach the writing coach's settings
 * @param glossary the organisation's terms, linked from write-ups to the glossary page
 * @param catalog descriptions, owners and links of services and teams
 * @param gitInfo whether write-ups show when they last changed, from the library's git history
 * @param search the search's settings: synonyms
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String language,
    ZoneId timezone,
    Pattern idPattern,
    String idFormat,
    String ownerField,
    Folders folders,
    boolean allowHtml,
    Map<String, Vocabulary> vocabularies,
    Readership readership,
    java.util.List<CodeRepository> code,
    String editUrl,
    boolean strict,
    Limits limits,
    CoachSettings coach,
    dev.casebook.glossary.Glossary glossary,
    dev.casebook.catalog.Catalog catalog,
    dev.casebook.history.GitInfo gitInfo,
    SearchSettings search) {

  public static final String FILE_NAME = "casebook.yml";
  public static final String DEFAULT_ID_FORMAT = "INC-{year}-{seq:3}";

  /**
   * Where things live, relative to the library root.
   *
   * @param design folders of design documents (they may be checkouts of other repositories);
   *     by default {@code design}, when it exists
   * @param paths the folder of reading paths, one Markdown file per path; {@code paths} by default
   */
  public record Folders(String incidents, String templates, String output, java.util.List<String> design, String paths) {
    public static final Folders DEFAULT =
        new Folders("incidents", "site-template", "_site", java.util.List.of("design"), "paths");

    public Folders {
      design = java.util.List.copyOf(design);
    }
  }

  /**
   * The readership beacon's settings ({@code readership:} in casebook.yml).
   *
   * @param endpoint the collector's URL, absolute or a path on the site's host; empty for no beacon
   */
  public record Readership(String endpoint) {
    public static final Readership OFF = new Readership("");

    public boolean enabled() {
      return !endpoint.isEmpty();
    }
  }

  public SiteConfig {
    editUrl = editUrl == null ? "" : editUrl;
    coach = coach == null ? CoachSettings.DEFAULT : coach;
    vocabularies = Map.copyOf(vocabularies);
    code = java.util.List.copyOf(code);
    limits = limits == null ? Limits.DEFAULT : limits;
    glossary = glossary == null ? dev.casebook.glossary.Glossary.EMPTY : glossary;
    catalog = catalog == null ? dev.casebook.catalog.Catalog.EMPTY : catalog;
    gitInfo = gitInfo == null ? dev.casebook.history.GitInfo.AUTO : gitInfo;
    search = search == null ? SearchSettings.DEFAULT : search;
  }

  /** The settings without search settings (the defaults apply). */
  public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, Pattern idPattern,
      String idFormat, String ownerField, Folders folders, boolean allowHtml, Map<String, Vocabulary> vocabularies,
      Readership readership, java.util.List<CodeRepository> code, String editUrl, boolean strict, Limits limits,
      CoachSettings coach, dev.casebook.glossary.Glossary glossary, dev.casebook.catalog.Catalog catalog,
      dev.casebook.history.GitInfo gitInfo) {
    this(title, description, baseUrl, language, timezone, idPattern, idFormat, ownerField, folders, allowHtml, vocabularies,
        readership, code, editUrl, strict, limits, coach, glossary, catalog, gitInfo, null);
  }

  /** The settings without a glossary or catalog. */
  public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, Pattern idPattern,
      String idFormat, String ownerField, Folders folders, boolean allowHtml, Map<String, Vocabulary> vocabularies,
      Readership readership, java.util.List<CodeRepository> code, String editUrl, boolean strict, Limits limits,
      CoachSettings coach) {
    this(title, description, baseUrl, language, timezone, idPattern, idFormat, ownerField, folders, allowHtml, vocabularies,
        readership, code, editUrl, strict, limits, coach, null, null, null, null);
  }

  public static SiteConfig defaults() {
    return new SiteConfig("Incident library", "", "", "en", ZoneId.of("UTC"), null,
        DEFAULT_ID_FORMAT, "owner", Folders.DEFAULT, false, Map.of(), Readership.OFF, java.util.List.of(), "", false,
        Limits.DEFAULT, CoachSettings.DEFAULT);
  }

  public Vocabulary vocabulary(String key) {
    return vocabularies.getOrDefault(key, Vocabulary.open(key));
  }

  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(title, description, normalizeBaseUrl(url), language, timezone, idPattern,
        idFormat, ownerField, folders, allowHtml, vocabularies, readership, code, editUrl, strict, limits, coach, glossary, catalog, gitInfo, search);
  }

  public SiteConfig withGlossary(dev.casebook.glossary.Glossary terms) {
    return new SiteConfig(title, description, baseUrl, language, timezone, idPattern,
        idFormat, ownerField, folders, allowHtml, vocabularies, readership, code, editUrl, strict, limits, coach, terms, catalog, gitInfo, search);
  }

  /** The code repository named {@code name}, if the library declares one. */
  public java.util.Optional<CodeRepository> codeRepository(String name) {
    return code.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The page where the file at {@code path} (relative to the library) is edited, or empty. */
  public String editUrlOf(String path) {
    if (editUrl.isEmpty()) return "";
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (encoded.length() > 0) encoded.append('/');
      encoded.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return editUrl.replace("{path}", encoded);
  }

  /**
   * The page of the history of the file at {@code path} on its forge, made from {@code edit_url}
   * when it has a form Casebook knows: GitHub's {@code /edit/BRANCH/}, GitLab's {@code /-/edit/BRANCH/}
   * and Gitea's or Forgejo's {@code /_edit/BRANCH/}. Empty otherwise.
   */
  public String historyUrlOf(String path) {
    String edit = editUrlOf(path);
    if (edit.isEmpty()) return "";
    java.util.regex.Matcher m = FORGE_EDIT.matcher(edit);
    if (!m.matches()) return "";
    String history = switch (m.group(2)) {
      case "/-/edit/" -> "/-/commits/";
      case "/_edit/" -> "/commits/branch/";
      default -> "/commits/";
    };
    return m.group(1) + history + m.group(3);
  }

  /** An edit URL of a forge: the repository's URL, the edit marker, then the branch and the path. */
  private static final java.util.regex.Pattern FORGE_EDIT =
      java.util.regex.Pattern.compile("(https?://[^?#]+?)(/-/edit/|/_edit/|/edit/)([^?#]+)");

  static String normalizeBaseUrl(String url) {
    if (url == null || url.isBlank()) return "";
    String u = url.strip();
    return u.endsWith("/") ? u : u + "/";
  }
}
