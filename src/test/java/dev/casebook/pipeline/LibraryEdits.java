package dev.casebook.pipeline;

import static dev.casebook.pipeline.LibraryText.field;
import static dev.casebook.pipeline.LibraryText.list;
import static dev.casebook.pipeline.LibraryText.read;

import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Seeded edits of a library on disk, one step at a time, as a person makes them while {@code
 * serve} runs: each step changes files and says which (as the file watcher would). Most steps keep
 * the library valid; a breaking step (a deletion that leaves a citation, an id changed without its
 * citers, a file renamed without the links to it, an id mentioned before its write-up exists, bad
 * YAML, an unknown id or tag, a broken template, a heading that links name renamed) is
 * always followed by the step that fixes it. The same seed gives the same steps. The edits
 * themselves are in {@link WriteUpEdits}, {@link SurroundingEdits} and {@link TemplateEdits}.
 */
final class LibraryEdits {
  /** One step: what it did, the files it changed (absolute), and whether it leaves the library broken. */
  record Step(String description, Set<Path> changed, boolean breaks) {}

  private final Path root;
  private final Random random;
  private final SiteConfig config;
  private final Path theme;
  private final Path builtInTheme;
  private final TemplateEdits templates;
  private final WriteUpEdits writeUps;
  private final SurroundingEdits surroundings;
  private Set<Path> changed = new LinkedHashSet<>();
  private Supplier<String> fix;
  private int counter;

  LibraryEdits(Path root, long seed, Path builtInTheme) {
    this.root = root;
    this.random = new Random(seed);
    this.config = ConfigLoader.load(root, new Diagnostics());
    this.theme = root.resolve(config.folders().templates());
    this.builtInTheme = builtInTheme;
    this.templates = new TemplateEdits(this);
    this.writeUps = new WriteUpEdits(this);
    this.surroundings = new SurroundingEdits(this);
  }

  /** The next step, already made on disk. */
  Step next() {
    changed = new LinkedHashSet<>();
    counter++;
    if (fix != null) {
      Supplier<String> f = fix;
      fix = null;
      return new Step("fix: " + f.get(), Set.copyOf(changed), false);
    }
    if (random.nextInt(100) < 12) {
      for (int tries = 0; tries < 20; tries++) {
        String d = breaking();
        if (d != null) return new Step(d, Set.copyOf(changed), true);
      }
    }
    if (random.nextInt(100) < 6) {
      String a = valid();
      String b = valid();
      return new Step(a + " and " + b, Set.copyOf(changed), false);
    }
    return new Step(valid(), Set.copyOf(changed), false);
  }

  private String valid() {
    for (int tries = 0; ; tries++) {
      // Write-up edits are updated in place; casebook.yml and the theme make a full build, so they come less often.
      String d = switch (random.nextInt(23)) {
        case 0, 1 -> writeUps.add();
        case 2 -> writeUps.moveFile();
        case 3 -> writeUps.changeId();
        case 4 -> writeUps.delete();
        case 5, 6 -> writeUps.retitle();
        case 7 -> writeUps.summary();
        case 8, 9 -> writeUps.body();
        case 10, 11 -> writeUps.related();
        case 12 -> surroundings.image();
        case 13 -> surroundings.design();
        case 14 -> surroundings.code();
        case 15 -> random.nextBoolean() ? writeUps.draft() : writeUps.touch();
        case 16 -> surroundings.vocabulary();
        case 17 -> random.nextBoolean() ? surroundings.setting() : templates.staticFile();
        case 18, 19 -> writeUps.fields();
        case 20 -> writeUps.heading(false);
        default -> templates.template();
      };
      if (d != null) return d;
      if (tries > 100) throw new IllegalStateException("no edit applies");
    }
  }

  private String breaking() {
    return switch (random.nextInt(9)) {
      case 0 -> writeUps.deleteCited();
      case 1 -> writeUps.changeIdUnfixed();
      case 2 -> writeUps.badYaml();
      case 3 -> writeUps.unknownRelated();
      case 4 -> surroundings.vocabularyWithoutUsedTag();
      case 5 -> writeUps.heading(true);
      case 6 -> writeUps.moveFileUnfixed();
      case 7 -> writeUps.mentionBeforeAdding();
      default -> templates.broken();
    };
  }

  // ------------------------------------------------------------------ files

  SiteConfig config() {
    return config;
  }

  Path root() {
    return root;
  }

  Path theme() {
    return theme;
  }

  Path builtInTheme() {
    return builtInTheme;
  }

  Random random() {
    return random;
  }

  int counter() {
    return counter;
  }

  void breakUntilFixed(Supplier<String> fix) {
    this.fix = fix;
  }

  void write(Path file, String text) {
    LibraryText.write(file, text);
    changed.add(file.toAbsolutePath().normalize());
  }

  void delete(Path file) {
    List<Path> inside = new ArrayList<>(LibraryText.files(file));
    try {
      for (Path p : inside) {
        Files.delete(p);
        changed.add(p.toAbsolutePath().normalize());
      }
      if (Files.isDirectory(file)) {
        try (var walk = Files.walk(file)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    changed.add(file.toAbsolutePath().normalize());
  }

  /** Moves a file or a folder; of a folder, only the folder is reported, as a watcher reports a renamed folder. */
  void move(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    changed.add(from.toAbsolutePath().normalize());
    changed.add(to.toAbsolutePath().normalize());
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  String words(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(pick(WORDS));
    return String.join(" ", out);
  }

  Path incidents() {
    return root.resolve(config.folders().incidents());
  }

  TreeMap<String, Path> writeUps() {
    return LibraryText.writeUps(incidents());
  }

  /** Every text file a citation may sit in: write-ups, design documents, code. */
  List<Path> citingFiles() {
    List<Path> out = new ArrayList<>();
    for (Path p : LibraryText.files(incidents())) if (p.toString().endsWith(".md")) out.add(p);
    for (String d : config.folders().design()) out.addAll(LibraryText.files(root.resolve(d)));
    out.addAll(paths());
    for (var repo : config.code()) if (repo.hasCheckout()) out.addAll(LibraryText.files(root.resolve(repo.path())));
    return out;
  }

  /** The reading paths' files. */
  List<Path> paths() {
    List<Path> out = new ArrayList<>();
    for (Path p : LibraryText.files(root.resolve(config.folders().paths()))) if (p.toString().endsWith(".md")) out.add(p);
    return out;
  }

  /** Write-ups that are not drafts: a link to a draft's file leads nowhere when drafts are left out. */
  List<String> published() {
    return writeUps().entrySet().stream().filter(e -> !field(read(e.getValue()), "status").orElse("").equals("draft"))
        .map(java.util.Map.Entry::getKey).toList();
  }

  List<String> citedInRelated() {
    Set<String> out = new TreeSet<>();
    for (Path p : writeUps().values()) out.addAll(list(read(p), "related"));
    return new ArrayList<>(out);
  }

  /**
   * Write-ups that no other file links to by file name: they can be hidden as drafts (a mention or
   * a {@code related} id of a draft is a warning; a link to its file leads nowhere).
   */
  List<String> uncited() {
    List<String> out = new ArrayList<>();
    for (var e : writeUps().entrySet()) {
      String name = e.getValue().getFileName().toString();
      boolean cited = false;
      for (Path p : citingFiles()) if (!p.equals(e.getValue()) && read(p).contains(name)) cited = true;
      if (!cited) out.add(e.getKey());
    }
    return out;
  }

  String newId(String year) {
    TreeMap<String, Path> ids = writeUps();
    while (true) {
      String id = "INC-" + year + "-" + (500 + random.nextInt(500));
      if (!ids.containsKey(id)) return id;
    }
  }

  static String slug(Path writeUp, String id) {
    String name = writeUp.getFileName().toString();
    return name.substring(id.length(), name.length() - ".md".length());
  }

  String title() {
    String t = words(2 + random.nextInt(5));
    t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
    return random.nextInt(5) == 0 ? "\"" + t + " & <b>friends</b>\"" : t;
  }

  List<String> terms(String vocabulary) {
    return new ArrayList<>(ConfigLoader.load(root, new Diagnostics()).vocabulary(vocabulary).terms().keySet());
  }

  List<String> services() {
    List<String> s = terms("services");
    return s.isEmpty() ? List.of("api", "web", "queue", "billing") : s;
  }

  List<String> tags(int n) {
    List<String> all = terms("tags");
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) out.add(pick(all));
    return new ArrayList<>(out);
  }

  Path configFile() {
    return root.resolve(SiteConfig.FILE_NAME);
  }

  static final List<String> WORDS = List.of("cache", "queue", "replica", "timeout", "retry", "lease", "shard", "deploy",
      "rollback", "certificate", "resolver", "backlog", "quota", "alert", "failover", "partition", "consumer", "index",
      "latency", "budget", "canary", "flag", "token", "session", "stock", "courier", "payment", "order", "picker", "store");
}
