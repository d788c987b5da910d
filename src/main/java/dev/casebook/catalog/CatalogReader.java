package dev.casebook.catalog;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.diag.Suggestions;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlScalar;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code catalog:} of casebook.yml: {@code services} and {@code teams}, each a mapping of
 * name to {@code title}, {@code description}, {@code owner} and {@code links} (label to URL), and
 * {@code files}, globs of Backstage catalog files in the library ({@link BackstageFiles}). What
 * casebook.yml says of an entry wins, field by field, over what a catalog file says.
 */
public final class CatalogReader {
  public static final List<String> KEYS = List.of("files", "services", "teams");
  public static final List<String> FIELDS = List.of("title", "description", "owner", "links");

  private final Diagnostics diagnostics;
  private final YamlFields fields;

  private CatalogReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  /** The catalog of {@code entry}, the {@code catalog} key of casebook.yml in the library at {@code root}. */
  public static Catalog read(YamlMap.Entry entry, Path root, Diagnostics diagnostics) {
    return new CatalogReader(diagnostics).catalog(entry, root);
  }

  private Catalog catalog(YamlMap.Entry entry, Path root) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return Catalog.EMPTY;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'catalog' must be a mapping of files, services and teams, not "
          + entry.value().describe());
      return Catalog.EMPTY;
    }
    unknown(map, KEYS, "catalog setting");
    Map<String, Catalog.Entry> services = new LinkedHashMap<>();
    Map<String, Catalog.Entry> teams = new LinkedHashMap<>();
    List<String> globs = new ArrayList<>();
    map.entry("files").ifPresent(files -> {
      List<YamlScalar> patterns = fields.scalarList(files);
      for (YamlScalar p : patterns) globs.add(p.text().strip().replace('\\', '/'));
      BackstageFiles.Found found = BackstageFiles.read(root, patterns, diagnostics);
      services.putAll(found.services());
      teams.putAll(found.teams());
    });
    map.entry("services").ifPresent(e -> entries(e, services));
    map.entry("teams").ifPresent(e -> entries(e, teams));
    return new Catalog(services, teams, globs);
  }

  private void entries(YamlMap.Entry entry, Map<String, Catalog.Entry> into) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return;
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "catalog '" + entry.key() + "' must be a mapping of each name to its "
          + String.join(", ", FIELDS) + ", not " + entry.value().describe());
      return;
    }
    for (YamlMap.Entry e : map.entries()) {
      if (!(e.value() instanceof YamlMap fieldsOf)) {
        diagnostics.error(e.value().position(), "catalog entry '" + e.key() + "' must be a mapping of "
            + String.join(", ", FIELDS) + ", not " + e.value().describe());
        continue;
      }
      for (YamlMap.Entry f : fieldsOf.entries()) {
        if (!FIELDS.contains(f.key())) {
          diagnostics.error(f.keyPosition(), "unknown field '" + f.key() + "' of catalog entry '" + e.key() + "'",
              Optional.ofNullable(Suggestions.didYouMean(f.key(), FIELDS)).orElse("known: " + String.join(", ", FIELDS)));
        }
      }
      Catalog.Entry own = new Catalog.Entry(e.key(), text(fieldsOf, "title"), text(fieldsOf, "description"),
          text(fieldsOf, "owner"), fieldsOf.entry("links").map(this::links).orElse(List.of()));
      Catalog.Entry before = into.get(e.key());
      into.put(e.key(), before == null ? own : before.overriddenBy(own));
    }
  }

  private String text(YamlMap map, String key) {
    return map.entry(key).flatMap(fields::string).orElse("");
  }

  /** {@code links}: a mapping of label to absolute http(s) URL. */
  private List<Catalog.Link> links(YamlMap.Entry entry) {
    if (entry.value() instanceof YamlScalar s && s.isNull()) return List.of();
    if (!(entry.value() instanceof YamlMap map)) {
      diagnostics.error(entry.value().position(), "'links' must be a mapping of label to URL, not " + entry.value().describe(),
          "for example: links: {runbook: https://runbooks.example/checkout}");
      return List.of();
    }
    List<Catalog.Link> out = new ArrayList<>();
    for (YamlMap.Entry e : map.entries()) {
      fields.string(e).flatMap(url -> url(url, e.value().position(), e.key())).ifPresent(url -> out.add(new Catalog.Link(e.key(), url)));
    }
    return out;
  }

  /** {@code url} when it is an absolute http(s) URL; else an error at {@code at}. */
  Optional<String> url(String url, SourcePosition at, String what) {
    return checkedUrl(url, at, what, diagnostics);
  }

  static Optional<String> checkedUrl(String url, SourcePosition at, String what, Diagnostics diagnostics) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if (uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return Optional.of(url);
    } catch (URISyntaxException e) {
      // reported below
    }
    diagnostics.error(at, "link '" + what + "' must be an absolute http(s) URL, not '" + url + "'");
    return Optional.empty();
  }

  private void unknown(YamlMap map, List<String> known, String what) {
    for (YamlMap.Entry e : map.entries()) {
      if (!known.contains(e.key())) {
        diagnostics.error(e.keyPosition(), "unknown " + what + " '" + e.key() + "'",
            Optional.ofNullable(Suggestions.didYouMean(e.key(), known)).orElse("known: " + String.join(", ", known)));
      }
    }
  }
}
