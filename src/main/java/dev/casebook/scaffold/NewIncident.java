package dev.casebook.scaffold;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.casebook.config.ConfigLoader;
import dev.casebook.config.SiteConfig;
import dev.casebook.diag.Diagnostics;
import dev.casebook.load.LibraryLoader;
import dev.casebook.load.LibrarySources;
import dev.casebook.load.SourceDocument;
import dev.casebook.render.Theme;
import dev.casebook.yaml.YamlScalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a new write-up from the theme's {@code new-incident.md} with the next free id. */
public final class NewIncident {
  public static final String TEMPLATE = "new-incident.md";

  private NewIncident() {}

  /** The new file and its id. */
  public record Created(Path file, String id) {}

  /**
   * @param owner the owning team, or empty
   * @throws IOException when the library's settings are broken or the file cannot be written
   */
  public static Created create(Path source, String title, LocalDate date, String owner) throws IOException {
    if (title == null || title.isBlank()) throw new IOException("the title is empty");
    Diagnostics diagnostics = new Diagnostics();
    SiteConfig config = ConfigLoader.load(source, diagnostics);
    if (diagnostics.hasErrors()) {
      throw new IOException("casebook.yml has errors; run 'casebook check' (" + diagnostics.sorted().get(0) + ")");
    }
    LibrarySources sources = LibraryLoader.load(source, config, new Diagnostics());
    List<String> ids = new ArrayList<>();
    for (SourceDocument doc : sources.documents()) {
      doc.frontMatter().get("id").filter(YamlScalar.class::isInstance).map(n -> ((YamlScalar) n).text()).ifPresent(ids::add);
    }
    String id = IdSequence.next(config.idFormat(), date, ids);
    String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) slug = slug.substring(0, 60).replaceAll("-+$", "");
    String name = slug.isEmpty() ? id + ".md" : id + "-" + slug + ".md";
    Path file = source.resolve(config.folders().incidents()).resolve(String.valueOf(date.getYear())).resolve(name);
    Theme theme = Theme.load(source.resolve(config.folders().templates()));
    Path template = theme.file(TEMPLATE).orElseThrow(() -> new IOException("the theme has no " + TEMPLATE));
    String text = Files.readString(template, StandardCharsets.UTF_8)
        .replace("{{id}}", id)
        .replace("{{title}}", yamlString(title.strip()))
        .replace("{{date}}", date.toString())
        .replace("{{owner}}", owner == null || owner.isBlank() ? "\"\"" : yamlString(owner.strip()));
    Files.createDirectories(file.getParent());
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("'" + file + "' already exists");
    }
    return new Created(file, id);
  }

  /** A YAML double-quoted string: JSON's escaping is valid YAML. */
  static String yamlString(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }
}
