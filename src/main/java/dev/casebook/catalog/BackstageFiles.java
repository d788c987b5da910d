package dev.casebook.catalog;

import dev.casebook.diag.Diagnostics;
import dev.casebook.diag.SourcePosition;
import dev.casebook.text.TextFile;
import dev.casebook.yaml.YamlFields;
import dev.casebook.yaml.YamlList;
import dev.casebook.yaml.YamlMap;
import dev.casebook.yaml.YamlNode;
import dev.casebook.yaml.YamlReader;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads Backstage catalog files ({@code catalog-info.yaml}): every document of kind
 * {@code Component} or {@code System} describes a service, every {@code Group} a team, by its
 * {@code metadata.name}; {@code metadata.title}, {@code metadata.description},
 * {@code metadata.links} and {@code spec.owner} are read, the rest left alone, as are documents
 * of other kinds. Files are found by globs relative to the library and must stay inside it;
 * YAML is composed with the same safe reader and limits as casebook.yml.
 */
final class BackstageFiles {
  /** How deep below a glob's fixed folder files are looked for. */
  private static final int MAX_DEPTH = 16;
  private static final Map<String, String> KINDS = Map.of("component", "services", "system", "services", "group", "teams");

  /** What the files hold: services and teams by name. */
  record Found(Map<String, Catalog.Entry> services, Map<String, Catalog.Entry> teams) {}

  private final Path root;
  private final Diagnostics diagnostics;
  private final YamlFields fields;
  private final Map<String, Catalog.Entry> services = new LinkedHashMap<>();
  private final Map<String, Catalog.Entry> teams = new LinkedHashMap<>();
  private final Map<String, SourcePosition> seen = new HashMap<>();

  private BackstageFiles(Path root, Diagnostics diagnostics) {
    this.root = root.toAbsolutePath().normalize();
    this.diagnostics = diagnostics;
    this.fields = new YamlFields(diagnostics);
  }

  static Found read(Path root, List<YamlScalar> globs, Diagnostics diagnostics) {
    BackstageFiles files = new BackstageFiles(root, diagnostics);
    TreeSet<String> paths = new TreeSet<>();
    for (YamlScalar glob : globs) paths.addAll(files.matching(glob));
    for (String path : paths) files.file(path);
    return new Found(files.services, files.teams);
  }

  /** The library's files that {@code glob} matches, as paths relative to the library. */
  private List<String> matching(YamlScalar glob) {
    String pattern = glob.text().strip().replace('\\', '/');
    List<String> segments = List.of(pattern.split("/"));
    if (pattern.startsWith("/") || segments.contains("..") || pattern.contains(":")) {
      diagnostics.error(glob.position(), "catalog file pattern '" + pattern + "' must be inside the library",
          "for example catalog/*.yaml or services/*/catalog-info.yaml");
      return List.of();
    }
    StringBuilder fixed = new StringBuilder();
    for (String segment : segments.subList(0, segments.size() - 1)) {
      if (segment.matches(".*[*?\\[{].*")) break;
      if (fixed.length() > 0) fixed.append('/');
      fixed.append(segment);
    }
    Path base = root.resolve(fixed.toString()).normalize();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<String> out = new ArrayList<>();
    if (!pattern.matches(".*[*?\\[{].*")) {
      Path file = root.resolve(pattern).normalize();
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && inside(file)) out.add(root.relativize(file).toString().replace('\\', '/'));
    } else if (base.startsWith(root) && Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS) && inside(base)) {
      try {
        Files.walkFileTree(base, java.util.Set.of(), MAX_DEPTH, new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
            return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (attrs.isRegularFile() && matcher.matches(Path.of(relative))) out.add(relative);
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        diagnostics.error(glob.position(), "cannot read the files of '" + pattern + "': " + e.getMessage());
      }
    }
    if (out.isEmpty()) diagnostics.warning(glob.position(), "catalog file pattern '" + pattern + "' matches no file");
    return out;
  }

  /** Whether {@code path}, once every symbolic link on the way is followed, is inside the library. */
  private boolean inside(Path path) {
    try {
      return path.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  private void file(String path) {
    Optional<String> text;
    try {
      byte[] bytes = Files.readAllBytes(root.resolve(path));
      if (bytes.length > TextFile.MAX_BYTES) {
        diagnostics.error(SourcePosition.of(path), "catalog file is larger than " + TextFile.MAX_BYTES / (1024 * 1024) + " MB");
        return;
      }
      text = TextFile.decode(path, bytes, diagnostics);
    } catch (IOException e) {
      diagnostics.error(SourcePosition.of(path), "cannot read: " + e.getMessage());
      return;
    }
    if (text.isEmpty()) return;
    for (YamlNode document : YamlReader.readAll(text.get(), path, diagnostics)) entity(document);
  }

  private void entity(YamlNode document) {
    if (!(document instanceof YamlMap map)) {
      diagnostics.error(document.position(), "a catalog document must be a mapping with kind and metadata, not " + document.describe());
      return;
    }
    String kind = map.get("kind").filter(k -> k instanceof YamlScalar).map(k -> ((YamlScalar) k).text().strip()).orElse("");
    String group = KINDS.get(kind.toLowerCase(java.util.Locale.ROOT));
    if (group == null) return;
    Optional<YamlMap.Entry> metadataEntry = map.entry("metadata");
    if (metadataEntry.isEmpty() || !(metadataEntry.get().value() instanceof YamlMap metadata)) {
      diagnostics.error(metadataEntry.map(e -> e.value().position()).orElse(map.position()),
          kind + " has no 'metadata' mapping", "Backstage entities name themselves in metadata.name");
      return;
    }
    Optional<YamlMap.Entry> nameEntry = metadata.entry("name");
    Optional<String> name = nameEntry.flatMap(fields::string);
    if (name.isEmpty()) {
      if (nameEntry.isEmpty() || nameEntry.get().value() instanceof YamlScalar) {
        diagnostics.error(nameEntry.map(YamlMap.Entry::keyPosition).orElse(metadata.position()), kind + " has no 'metadata.name'");
      }
      return;
    }
    SourcePosition at = nameEntry.get().value().position();
    SourcePosition first = seen.putIfAbsent(group + "/" + name.get(), at);
    if (first != null) {
      diagnostics.error(at, "'" + name.get() + "' is described twice in the catalog", "also at " + first);
      return;
    }
    String owner = map.get("spec").filter(s -> s instanceof YamlMap).flatMap(s -> ((YamlMap) s).entry("owner"))
        .flatMap(fields::string).map(BackstageFiles::ownerName).orElse("");
    Catalog.Entry entry = new Catalog.Entry(name.get(), text(metadata, "title"), text(metadata, "description"), owner,
        metadata.entry("links").map(this::links).orElse(List.of()));
    (group.equals("services") ? services : teams).put(name.get(), entry);
  }

  /** {@code group:default/payments} and {@code group:payments} name team {@code payments}. */
  static String ownerName(String ref) {
    String name = ref;
    int colon = name.indexOf(':');
    if (colon >= 0) name = name.substring(colon + 1);
    int slash = name.lastIndexOf('/');
    return slash >= 0 ? name.substring(slash + 1) : name;
  }

  private String text(YamlMap map, String key) {
    return map.entry(key).flatMap(fields::string).orElse("");
  }

  /** {@code metadata.links}: a list of {@code {url, title, type, icon}}; the label is the title, else the type. */
  private List<Catalog.Link> links(YamlMap.Entry entry) {
    if (!(entry.value() instanceof YamlList list)) {
      if (!(entry.value() instanceof YamlScalar s && s.isNull())) {
        diagnostics.error(entry.value().position(), "'links' must be a list of {url, title}, not " + entry.value().describe());
      }
      return List.of();
    }
    List<Catalog.Link> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlMap link)) {
        diagnostics.error(item.position(), "every item of 'links' must be a mapping with url and title, not " + item.describe());
        continue;
      }
      Optional<YamlMap.Entry> urlEntry = link.entry("url");
      if (urlEntry.isEmpty()) {
        diagnostics.error(link.position(), "link has no 'url'");
        continue;
      }
      String label = text(link, "title");
      if (label.isEmpty()) label = text(link, "type");
      String what = label.isEmpty() ? "link" : label;
      Optional<String> url = fields.string(urlEntry.get())
          .flatMap(u -> CatalogReader.checkedUrl(u, urlEntry.get().value().position(), what, diagnostics));
      if (url.isEmpty()) continue;
      out.add(new Catalog.Link(label.isEmpty() ? url.get() : label, url.get()));
    }
    return out;
  }
}
