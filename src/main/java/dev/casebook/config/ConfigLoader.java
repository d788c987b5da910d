package dev.casebook.config;

import dev.casebook.catalog.Catalog;
import dev.casebook.catalog.CatalogReader;
import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.glossary.Glossary;
import dev.casebook.glossary.GlossaryReader;
import dev.casebook.history.GitInfo;
import dev.casebook.text.TextFile;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code casebook.yml}; a missing file gives the defaults. */
public final class ConfigLoader {
  private static final List<String> KEYS = List.of("title", "description", "base_url", "language",
      "timezone", "id_pattern", "id_format", "owner_field", "folders", "markdown", "vocabularies", "readership", "code", "edit_url", "strict",
      "limits", "coach", "glossary", "catalog", "git_info", "search");
  private static final List<String> READERSHIP_KEYS = List.of("endpoint");
  private static final List<String> FOLDER_KEYS = List.of("incidents", "templates", "output", "design", "paths");
  private static final List<String> MARKDOWN_KEYS = List.of("allow_html");
  private static final List<String> CODE_KEYS = List.of("name", "url", "host", "permalink", "path", "scan", "branch");
  private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  public static final List<String> VOCABULARY_KEYS = List.of("services", "teams", "tags", "severities");

  private final Diagnostics diagnostics;
  private final YamlFields fields;
  private final Path root;

  private ConfigLoader(Diagnostics diagnostics, Path root) {
    this.root = root;
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  public static SiteConfig load(Path libraryRoot, Diagnostics diagnostics) {
    Path file = libraryRoot.resolve(SiteConfig.FILE_NAME);
    if (!Files.isRegularFile(file)) return SiteConfig.defaults().withGlossary(GlossaryReader.read(null, libraryRoot, diagnostics));
    Optional<String> text;
    try {
      text = TextFile.decode(SiteConfig.FILE_NAME, Files.readAllBytes(file), diagnostics);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(SiteConfig.FILE_NAME), "cannot read: " + e.getMessage());
      return SiteConfig.defaults();
    }
    if (text.isEmpty()) return SiteConfig.defaults();
    Optional<YamlNode> root = YamlReader.read(text.get(), SiteConfig.FILE_NAME, 0, diagnostics);
    if (root.isEmpty()) return SiteConfig.defaults();
    if (!(root.get() instanceof YamlMap map)) {
      diagnostics.error(root.get().position(), "casebook.yml must be a mapping of settings, not " + root.get().describe());
      return SiteConfig.defaults();
    }
    return new ConfigLoader(diagnostics, libraryRoot).read(map);
  }

  private SiteConfig read(YamlMap map) {
    SiteConfig d = SiteConfig.defaults();
    rejectUnknown(map, KEYS, "setting");
    String title = str(map, "title").orElse(d.title());
    String description = str(map, "description").orElse(d.description());
    String baseUrl = map.entry("base_url").flatMap(this::baseUrl).orElse(d.baseUrl());
    String language = str(map, "language").orElse(d.language());
    ZoneId zone = map.entry("timezone").flatMap(this::zone).orElse(d.timezone());
    Pattern idPattern = map.entry("id_pattern").flatMap(this::pattern).orElse(null);
    String idFormat = map.entry("id_format").flatMap(this::idFormat).orElse(d.idFormat());
    String ownerField = str(map, "owner_field").orElse(d.ownerField());
    SiteConfig.Folders folders = map.entry("folders").map(this::folders).orElse(d.folders());
    boolean allowHtml = false;
    Optional<YamlMap.Entry> markdown = map.entry("markdown");
    if (markdown.isPresent() && mapping(markdown.get()) instanceof YamlMap md) {
      rejectUnknown(md, MARKDOWN_KEYS, "markdown setting");
      allowHtml = md.entry("allow_html").flatMap(fields::bool).orElse(false);
    }
    Map<String, Vocabulary> vocabularies = map.entry("vocabularies").map(this::vocabularies).orElse(Map.of());
    SiteConfig.Readership readership = map.entry("readership").map(this::readership).orElse(d.readership());
    List<CodeRepository> code = map.entry("code").map(this::codeRepositories).orElse(List.of());
    String editUrl = map.entry("edit_url").flatMap(this::editUrl).orElse("");
    boolean strict = map.entry("strict").flatMap(fields::bool).orElse(false);
    Limits limits = map.entry("limits").map(e -> Limits.read(e, diagnostics)).orElse(Limits.DEFAULT);
    CoachSettings coach = map.entry("coach").map(new CoachSettingsReader(diagnostics, fields)::read).orElse(CoachSettings.DEFAULT);
    Glossary glossary = GlossaryReader.read(map.entry("glossary").orElse(null), root, diagnostics);
    Catalog catalog = map.entry("catalog").map(e -> CatalogReader.read(e, root, diagnostics)).orElse(Catalog.EMPTY);
    GitInfo gitInfo = map.entry("git_info").flatMap(fields::bool).map(on -> on ? GitInfo.ON : GitInfo.OFF).orElse(GitInfo.AUTO);
    SearchSettings search = map.entry("search").map(new SearchSettingsReader(diagnostics, fields)::read).orElse(SearchSettings.DEFAULT);
    return new SiteConfig(title, description, baseUrl, language, zone, idPattern, idFormat,
        ownerField, folders, allowHtml, vocabularies, readership, code, editUrl, strict, limits, coach, glossary, catalog, gitInfo,
        search);
  }

  /** {@code edit_url}: an absolute http(s) URL with {@code {path}} where the file's path goes. */
  private Optional<String> editUrl(YamlMap.Entry entry) {
    return fields.string(entry).filter(url -> {
      if (!UrlSettings.absoluteHttp(url.replace("{path}", "x"))) {
        diagnostics.error(entry.value().position(), "edit_url must be an absolute http(s) URL, not '" + url + "'",
            "for example https://github.com/acme/incidents/edit/main/{path}");
        return false;
      }
      if (!url.contains("{path}")) {
        diagnostics.error(entry.value().position(), "edit_url has no {path}",
            "{path} is replaced by the write-up's path in the library, e.g. .../edit/main/{path}");
        return false;
      }
      return true;
    });
  }

  /** {@code readership: {endpoint: URL}}: an absolute http(s) URL or a path on the site's host. */
  private SiteConfig.Readership readership(YamlMap.Entry entry) {
    if (!(mapping(entry) instanceof YamlMap map)) return SiteConfig.Readership.OFF;
    rejectUnknown(map, READERSHIP_KEYS, "readership setting");
    Optional<YamlMap.Entry> endpoint = map.entry("endpoint");
    return endpoint.flatMap(fields::string).filter(url -> {
      if (UrlSettings.absoluteHttpOrSitePath(url)) return true;
      diagnostics.error(endpoint.get().value().position(),
          "readership endpoint must be an absolute http(s) URL or a path starting with /, not '" + url + "'",
          "for example /_r/e behind the same host as the site");
      return false;
    }).map(SiteConfig.Readership::new).orElse(SiteConfig.Readership.OFF);
  }

  private Optional<String> str(YamlMap map, String key) {
    return map.entry(key).flatMap(fields::string);
  }

  private YamlNode mapping(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlMap) return entry.value();
    if (!(entry.value() instanceof YamlScalar s && s.isNull())) {
      diagnostics.error(entry.value().position(), "'" + entry.key() + "' must be a mapping, not " + entry.value().describe());
    }
    return null;
  }

  private void rejectUnknown(YamlMap map, List<String> known, String what) {
    for (YamlMap.Entry e : map.entries()) {
      if (!known.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown " + what + " '" + e.key() + "'",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), known)).orElse("known: " + String.join(", ", known)));
      }
    }
  }

  private Optional<String> baseUrl(YamlMap.Entry entry) {
    return fields.string(entry).filter(url -> {
      if (UrlSettings.absoluteHttp(url)) return true;
      diagnostics.error(entry.value().position(), "base_url must be an absolute http(s) URL, not '" + url + "'");
      return false;
    }).map(SiteConfig::normalizeBaseUrl);
  }

  private Optional<ZoneId> zone(YamlMap.Entry entry) {
    return fields.string(entry).flatMap(z -> {
      try {
        return Optional.of(ZoneId.of(z));
      } catch (DateTimeException e) {
        diagnostics.error(entry.value().position(), "unknown time zone '" + z + "'", "for example UTC or Europe/Berlin");
        return Optional.empty();
      }
    });
  }

  private Optional<Pattern> pattern(YamlMap.Entry entry) {
    return fields.string(entry).flatMap(p -> {
      try {
        return Optional.of(Pattern.compile(p));
      } catch (PatternSyntaxException e) {
        diagnostics.error(entry.value().position(), "id_pattern is not a valid regular expression: " + e.getDescription());
        return Optional.empty();
      }
    });
  }

  private Optional<String> idFormat(YamlMap.Entry entry) {
    return fields.string(entry).filter(f -> {
      if (f.contains("{seq")) return true;
      diagnostics.error(entry.value().position(), "id_format must contain {seq} or {seq:N}", "for example INC-{year}-{seq:3}");
      return false;
    });
  }

  private SiteConfig.Folders folders(YamlMap.Entry entry) {
    SiteConfig.Folders d = SiteConfig.Folders.DEFAULT;
    if (!(mapping(entry) instanceof YamlMap map)) return d;
    rejectUnknown(map, FOLDER_KEYS, "folder");
    return new SiteConfig.Folders(
        folder(map, "incidents").orElse(d.incidents()),
        folder(map, "templates").orElse(d.templates()),
        folder(map, "output").orElse(d.output()),
        map.entry("design").map(this::designFolders).orElse(d.design()),
        folder(map, "paths").orElse(d.paths()));
  }

  /** One folder or a list of them. */
  private List<String> designFolders(YamlMap.Entry entry) {
    List<YamlScalar> values = entry.value() instanceof YamlScalar single && !single.isNull()
        ? List.of(single) : fields.scalarList(entry);
    List<String> out = new java.util.ArrayList<>();
    for (YamlScalar value : values) {
      String f = value.text().strip();
      Path p = Path.of(f).normalize();
      if (p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
        diagnostics.error(value.position(), "folder '" + f + "' must be inside the library");
      } else {
        out.add(p.toString().replace('\\', '/'));
      }
    }
    return out;
  }

  private Optional<String> folder(YamlMap map, String key) {
    Optional<YamlMap.Entry> entry = map.entry(key);
    return entry.flatMap(fields::string).filter(f -> {
      Path p = Path.of(f).normalize();
      if (!p.isAbsolute() && !p.startsWith("..") && !p.toString().isEmpty()) return true;
      diagnostics.error(entry.get().value().position(), "folder '" + f + "' must be inside the library");
      return false;
    });
  }

  /** The {@code code} list: one mapping per repository. */
  private List<CodeRepository> codeRepositories(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return List.of();
    if (!(entry.value() instanceof YamlList list)) {
      diagnostics.error(entry.value().position(), "'code' must be a list of repositories, not " + entry.value().describe(),
          "for example: code: [{name: shop, url: https://github.com/acme/shop, path: ../shop}]");
      return List.of();
    }
    List<CodeRepository> out = new java.util.ArrayList<>();
    Map<String, CodeRepository> byName = new HashMap<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlMap repo)) {
        diagnostics.error(item.position(), "every item of 'code' must be a mapping with name and url, not " + item.describe());
        continue;
      }
      codeRepository(repo).ifPresent(r -> {
        CodeRepository first = byName.putIfAbsent(r.name(), r);
        if (first != null) {
          diagnostics.error(r.position(), "code repository '" + r.name() + "' is declared twice: also at " + first.position());
        } else {
          out.add(r);
        }
      });
    }
    return out;
  }

  private Optional<CodeRepository> codeRepository(YamlMap repo) {
    rejectUnknown(repo, CODE_KEYS, "code repository setting");
    Optional<String> name = requiredIn(repo, "name", "code repository").filter(n -> {
      if (REPOSITORY_NAME.matcher(n).matches()) return true;
      diagnostics.error(repo.entry("name").get().value().position(), "code repository name '" + n + "' must be letters, digits, '.', '_' and '-'");
      return false;
    });
    Optional<URI> url = requiredIn(repo, "url", "code repository").flatMap(u -> {
      if (UrlSettings.absoluteHttp(u)) return Optional.of(URI.create(u));
      diagnostics.error(repo.entry("url").get().value().position(), "url must be the repository's absolute http(s) web address, not '" + u + "'",
          "for example https://github.com/acme/shop");
      return Optional.empty();
    });
    Optional<PermalinkTemplate> template = permalinkTemplate(repo, url);
    // A checkout may live inside the library or beside it (../shop).
    Optional<String> path = str(repo, "path").map(f -> {
      String p = Path.of(f).normalize().toString().replace('\\', '/');
      return p.isEmpty() ? "." : p;
    });
    boolean scan = repo.entry("scan").flatMap(fields::bool).orElse(path.isPresent());
    if (scan && path.isEmpty() && repo.entry("scan").isPresent()) {
      diagnostics.error(repo.entry("scan").get().value().position(), "'scan' needs the repository's local checkout in 'path'");
    }
    String branch = str(repo, "branch").orElse(CodeRepository.DEFAULT_BRANCH);
    if (name.isEmpty() || url.isEmpty() || template.isEmpty()) return Optional.empty();
    String web = url.get().toString();
    return Optional.of(new CodeRepository(name.get(), web.endsWith("/") ? web.substring(0, web.length() - 1) : web,
        template.get(), path.orElse(null), scan && path.isPresent(), branch, repo.position()));
  }

  private Optional<PermalinkTemplate> permalinkTemplate(YamlMap repo, Optional<URI> url) {
    Optional<YamlMap.Entry> permalink = repo.entry("permalink");
    Optional<YamlMap.Entry> host = repo.entry("host");
    if (permalink.isPresent()) {
      if (host.isPresent()) {
        diagnostics.error(host.get().keyPosition(), "set either 'host' or 'permalink', not both");
      }
      return fields.string(permalink.get()).filter(t -> {
        List<String> unknown = PermalinkTemplate.unknownPlaceholders(t);
        if (!unknown.isEmpty()) {
          diagnostics.error(permalink.get().value().position(), "unknown placeholder '{" + unknown.get(0) + "}' in permalink",
              "use {" + String.join("}, {", PermalinkTemplate.PLACEHOLDERS) + "}");
          return false;
        }
        if (!t.contains("{path}")) {
          diagnostics.error(permalink.get().value().position(), "permalink must contain {path}");
          return false;
        }
        String example = PermalinkTemplate.of(t).link(url.map(URI::toString).orElse("https://git.example/repo"),
            "0123456789abcdef0123456789abcdef01234567", CodeRepository.DEFAULT_BRANCH, "src/a.txt", 1, 2);
        if (!UrlSettings.absoluteHttpOrSitePath(example)) {
          diagnostics.error(permalink.get().value().position(),
              "permalink must make absolute http(s) URLs or paths starting with /, not '" + example + "'",
              "for example {url}/blob/{commit}/{path}#L{start}-L{end}");
          return false;
        }
        return true;
      }).map(PermalinkTemplate::of);
    }
    if (host.isPresent()) {
      return fields.string(host.get()).flatMap(h -> {
        Optional<CodeHost> known = CodeHost.parse(h);
        if (known.isEmpty()) {
          diagnostics.error(host.get().value().position(), "unknown code host '" + h + "'",
              Optional.ofNullable(Suggestions.didYouMean(h, CodeHost.words()))
                  .orElse("use one of " + String.join(", ", CodeHost.words()) + ", or a permalink template"));
        }
        return known;
      }).map(CodeHost::template);
    }
    if (url.isEmpty()) return Optional.empty();
    Optional<CodeHost> inferred = CodeHost.infer(url.get());
    if (inferred.isEmpty()) {
      diagnostics.error(repo.entry("url").get().value().position(), "cannot tell which kind of code host " + url.get().getHost() + " is",
          "set host: " + String.join(", ", CodeHost.words()) + ", or a permalink template such as {url}/blob/{commit}/{path}#L{start}-L{end}");
    }
    return inferred.map(CodeHost::template);
  }

  private Optional<String> requiredIn(YamlMap map, String key, String what) {
    Optional<YamlMap.Entry> entry = map.entry(key);
    if (entry.isEmpty()) {
      diagnostics.error(map.position(), what + " is missing '" + key + "'");
      return Optional.empty();
    }
    Optional<String> value = fields.string(entry.get());
    if (value.isEmpty() && entry.get().value() instanceof YamlScalar) diagnostics.error(entry.get().keyPosition(), "'" + key + "' is empty");
    return value;
  }

  private Map<String, Vocabulary> vocabularies(YamlMap.Entry entry) {
    if (!(mapping(entry) instanceof YamlMap map)) return Map.of();
    rejectUnknown(map, VOCABULARY_KEYS, "vocabulary");
    Map<String, Vocabulary> out = new HashMap<>();
    for (YamlMap.Entry e : map.entries()) {
      if (VOCABULARY_KEYS.contains(e.key())) out.put(e.key(), vocabulary(e));
    }
    return out;
  }

  private Vocabulary vocabulary(YamlMap.Entry entry) {
    Map<String, String> terms = new LinkedHashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    if (entry.value() instanceof YamlList list) {
      for (String term : fields.stringList(entry)) addTerm(terms, seen, term, "", list);
    } else if (entry.value() instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries()) {
        String description = e.value() instanceof YamlScalar s && !s.isNull() ? s.text().strip() : "";
        if (!(e.value() instanceof YamlScalar)) {
          diagnostics.error(e.value().position(), "the description of '" + e.key() + "' must be text");
        }
        addTerm(terms, seen, e.key(), description, e.value());
      }
    } else if (!(entry.value() instanceof YamlScalar s && s.isNull())) {
      diagnostics.error(entry.value().position(),
          "vocabulary '" + entry.key() + "' must be a list of values or a mapping of value to description");
    }
    return new Vocabulary(entry.key(), terms);
  }

  private void addTerm(Map<String, String> terms, Set<String> seen, String term, String description, YamlNode at) {
    if (!seen.add(term.toLowerCase(java.util.Locale.ROOT))) {
      diagnostics.error(at.position(), "'" + term + "' is listed twice (values are compared ignoring case)");
      return;
    }
    terms.put(term, description);
  }
}
