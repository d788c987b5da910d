package dev.casebook.pipeline;

import static dev.casebook.pipeline.LibraryText.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Edits of the library's own theme folder, which overlays the built-in theme file by file: a
 * template copied from the built-in theme and changed, changed again, or taken away again; a
 * static file; a template that fails to render.
 */
final class TemplateEdits {
  static final List<String> TEMPLATES = List.of("incident.ftlh", "layout.ftlh", "incidents.ftlh", "term.ftlh", "index.ftlh",
      "design.ftlh", "citations.ftlh", "feed.ftlx", "404.ftlh");

  private final LibraryEdits edits;

  TemplateEdits(LibraryEdits edits) {
    this.edits = edits;
  }

  /** The library's copy of a theme file, or the built-in one when the library has none. */
  private String current(String name) {
    Path own = edits.theme().resolve(name);
    return read(Files.isRegularFile(own) ? own : edits.builtInTheme().resolve(name));
  }

  /** The template with a visible mark in its output. */
  private String marked(String text) {
    String mark = "<p class=\"edit-" + edits.counter() + "\">edit " + edits.counter() + "</p>";
    for (String end : List.of("</@layout.page>", "</body>")) {
      int at = text.lastIndexOf(end);
      if (at >= 0) return text.substring(0, at) + mark + text.substring(at);
    }
    return text + "<!-- edit " + edits.counter() + " -->\n";
  }

  String template() {
    String name = edits.pick(TEMPLATES);
    Path own = edits.theme().resolve(name);
    if (Files.isRegularFile(own) && edits.random().nextInt(3) == 0) {
      edits.delete(own);
      return "take the library's " + name + " away again";
    }
    edits.write(own, marked(current(name)));
    return "change the template " + name;
  }

  String staticFile() {
    Path css = edits.theme().resolve("static/casebook.css");
    Path extra = edits.theme().resolve("static/extra.txt");
    switch (edits.random().nextInt(3)) {
      case 0 -> {
        edits.write(css, current("static/casebook.css") + "/* edit " + edits.counter() + " */\n");
        return "change the stylesheet";
      }
      case 1 -> {
        edits.write(extra, "extra " + edits.counter() + "\n");
        return "write a static file of the theme";
      }
      default -> {
        Path gone = Files.isRegularFile(extra) ? extra : css;
        if (!Files.isRegularFile(gone)) return null;
        edits.delete(gone);
        return "delete the theme's " + edits.theme().relativize(gone);
      }
    }
  }

  String broken() {
    String name = edits.pick(List.of("incident.ftlh", "404.ftlh", "term.ftlh"));
    Path own = edits.theme().resolve(name);
    String before = Files.isRegularFile(own) ? read(own) : null;
    String text = current(name);
    int at = text.lastIndexOf("</@layout.page>");
    edits.write(own, text.substring(0, at) + "${site.nonsense.deeper}" + text.substring(at));
    edits.breakUntilFixed(() -> {
      if (before == null) edits.delete(own);
      else edits.write(own, before);
      return "mend the template " + name;
    });
    return "break the template " + name;
  }
}
