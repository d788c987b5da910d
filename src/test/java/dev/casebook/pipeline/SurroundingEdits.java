package dev.casebook.pipeline;

import static dev.casebook.pipeline.LibraryText.list;
import static dev.casebook.pipeline.LibraryText.read;
import static dev.casebook.pipeline.LibraryText.setField;
import static dev.casebook.pipeline.LibraryText.setList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Edits of what surrounds the write-ups: the vocabularies and settings of casebook.yml, images
 * beside write-ups, design documents and comments in code that cite write-ups.
 */
final class SurroundingEdits {
  private final LibraryEdits lib;

  SurroundingEdits(LibraryEdits lib) {
    this.lib = lib;
  }


  String vocabulary() {
    String yml = read(lib.configFile());
    if (lib.random().nextBoolean()) {
      String tag = "topic-" + lib.counter();
      lib.write(lib.configFile(), yml.replace("\n  tags:\n", "\n  tags:\n    - " + tag + "\n"));
      var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
      String text = read(e.getValue());
      List<String> tags = list(text, "tags");
      tags.add(tag);
      lib.write(e.getValue(), setList(text, "tags", tags));
      return "add the tag " + tag + " to the vocabulary and to " + e.getKey();
    }
    Set<String> used = new TreeSet<>();
    for (Path p : lib.writeUps().values()) used.addAll(list(read(p), "tags"));
    List<String> unused = lib.terms("tags").stream().filter(t -> !used.contains(t)).toList();
    if (!unused.isEmpty() && lib.random().nextBoolean()) {
      String tag = lib.pick(unused);
      lib.write(lib.configFile(), yml.replaceFirst("(?m)^    - " + java.util.regex.Pattern.quote(tag) + "(\\s+#.*)?\\n", ""));
      return "remove the unused tag " + tag + " from the vocabulary";
    }
    String team = lib.pick(lib.terms("teams"));
    lib.write(lib.configFile(), yml.replaceFirst("(?m)^    " + java.util.regex.Pattern.quote(team) + ": .*$", "    " + team + ": " + lib.words(6)));
    return "describe the team " + team + " anew";
  }

  String vocabularyWithoutUsedTag() {
    String yml = read(lib.configFile());
    List<String> used = new ArrayList<>();
    for (Path p : lib.writeUps().values()) used.addAll(list(read(p), "tags"));
    String tag = lib.pick(used);
    lib.write(lib.configFile(), yml.replaceFirst("(?m)^    - " + java.util.regex.Pattern.quote(tag) + "(\\s+#.*)?\\n", ""));
    lib.breakUntilFixed(() -> {
      lib.write(lib.configFile(), yml);
      return "put the tag " + tag + " back in the vocabulary";
    });
    return "remove the used tag " + tag + " from the vocabulary";
  }

  String setting() {
    String yml = read(lib.configFile());
    lib.write(lib.configFile(), yml.replaceFirst("(?m)^title: .*$", "title: " + lib.title()));
    return "change the library's title";
  }

  String image() {
    TreeMap<String, Path> all = lib.writeUps();
    List<Path> svgs = LibraryText.files(lib.incidents()).stream().filter(p -> p.toString().endsWith(".svg")).toList();
    int kind = lib.random().nextInt(svgs.isEmpty() ? 1 : 3);
    if (kind == 0) {
      var e = lib.pick(new ArrayList<>(all.entrySet()));
      String name = "figure-" + lib.counter() + ".svg";
      Path svg = e.getValue().resolveSibling(e.getKey()).resolve(name);
      lib.write(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><!--v0000--><rect width=\"40\" height=\"20\"/></svg>\n");
      if (lib.random().nextInt(5) == 0) return "add " + lib.root().relativize(svg) + ", linked from nowhere";
      lib.write(e.getValue(), read(e.getValue()) + "\n![Figure " + lib.counter() + "](" + e.getKey() + "/" + name + ")\n");
      return "add " + lib.root().relativize(svg) + " and show it in " + e.getKey();
    }
    Path svg = lib.pick(svgs);
    if (kind == 1) {
      String text = read(svg);
      String redrawn = text.contains("<!--v") ? text.replaceFirst("<!--v\\d{4}-->", String.format("<!--v%04d-->", lib.counter() % 10000))
          : text.replace("</svg>", "<!-- redrawn " + lib.counter() + " --></svg>");
      lib.write(svg, redrawn);
      return "redraw " + lib.root().relativize(svg);
    }
    String suffix = svg.getParent().getFileName() + "/" + svg.getFileName();
    lib.delete(svg);
    for (Path p : lib.citingFiles()) {
      if (!p.toString().endsWith(".md")) continue;
      String text = read(p);
      String edited = LibraryText.unlink(text, dest -> dest.endsWith(suffix));
      if (!edited.equals(text)) lib.write(p, edited);
    }
    return "delete " + lib.root().relativize(svg) + " and its links";
  }

  String design() {
    Path folder = lib.root().resolve(lib.config().folders().design().get(0));
    List<Path> docs = LibraryText.files(folder).stream()
        .filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).toList();
    int kind = lib.random().nextInt(docs.isEmpty() ? 1 : 4);
    List<String> ids = new ArrayList<>(lib.writeUps().keySet());
    if (kind == 0) {
      Path doc = folder.resolve(String.format("%04d-", 100 + lib.counter()) + lib.words(2).replace(' ', '-') + ".md");
      lib.write(doc, "---\ntitle: \"ADR " + lib.counter() + ": " + lib.words(4) + "\"\nstatus: accepted\nauthors: [Ines Berg]\ndate: 2025-03-0"
          + (1 + lib.random().nextInt(9)) + "\n---\n\n## Context\n\nAfter " + lib.pick(ids) + " we " + lib.words(10) + ".\n");
      return "add the design document " + lib.root().relativize(doc);
    }
    Path doc = lib.pick(docs);
    String text = read(doc);
    if (kind == 1) lib.write(doc, setField(text, "title", "\"ADR: " + lib.words(5) + "\""));
    else if (kind == 2) {
      Path target = lib.writeUps().get(lib.pick(lib.published()));
      lib.write(doc, text + "\nCompare [this one](" + LibraryText.relativeLink(folder, target) + ") and " + lib.pick(ids) + ".\n");
    } else {
      if (docs.size() < 2) return null;
      lib.delete(doc);
      return "delete the design document " + lib.root().relativize(doc);
    }
    return "edit the design document " + lib.root().relativize(doc);
  }

  String code() {
    List<Path> files = new ArrayList<>();
    for (var repo : lib.config().code()) if (repo.hasCheckout()) files.addAll(LibraryText.files(lib.root().resolve(repo.path())));
    files.removeIf(p -> p.getFileName().toString().equals("README.md"));
    if (files.isEmpty()) return null;
    Path file = lib.pick(files);
    String comment = file.toString().endsWith(".go") || file.toString().endsWith(".java") ? "//" : "#";
    lib.write(file, read(file) + comment + " Keep this in step with " + lib.pick(new ArrayList<>(lib.writeUps().keySet())) + ".\n");
    return "cite a write-up in " + lib.root().relativize(file);
  }
}
