package dev.casebook.pipeline;

import static dev.casebook.pipeline.LibraryText.field;
import static dev.casebook.pipeline.LibraryText.list;
import static dev.casebook.pipeline.LibraryText.read;
import static dev.casebook.pipeline.LibraryText.setField;
import static dev.casebook.pipeline.LibraryText.setList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Edits of write-ups: add, rename a file, move it to another folder, change an id (with its citers,
 * or without them, which breaks the library), delete (with its citations, or leaving them), and
 * change front matter, headings and bodies.
 */
final class WriteUpEdits {
  private final LibraryEdits lib;

  WriteUpEdits(LibraryEdits lib) {
    this.lib = lib;
  }

  String add() {
    return add(lib.newId(String.valueOf(2022 + lib.random().nextInt(4))));
  }

  private String add(String id) {
    List<String> ids = new ArrayList<>(lib.writeUps().keySet());
    String year = id.substring(4, 8);
    List<String> related = new ArrayList<>();
    for (int i = lib.random().nextInt(3); i > 0 && !ids.isEmpty(); i--) {
      String r = lib.pick(ids);
      if (!related.contains(r)) related.add(r);
    }
    Path file = lib.incidents().resolve(year).resolve(id + "-" + lib.words(2).replace(' ', '-') + ".md");
    StringBuilder body = new StringBuilder("\n## What happened\n\n" + lib.words(30) + ".\n");
    if (!ids.isEmpty() && lib.random().nextBoolean()) body.append("\nIt looked like ").append(lib.pick(ids)).append(" at first.\n");
    if (!ids.isEmpty() && lib.random().nextBoolean()) {
      Path target = lib.writeUps().get(lib.pick(lib.published()));
      body.append("\nSee [the earlier one](").append(LibraryText.relativeLink(file.getParent(), target)).append(").\n");
    }
    if (lib.random().nextBoolean()) body.append("\n| step | minutes |\n|---|---:|\n| detect | 4 |\n| mitigate | 19 |\n");
    lib.write(file, "---\nid: " + id + "\ntitle: " + lib.title() + "\ndate: " + year + "-0" + (1 + lib.random().nextInt(9)) + "-1"
        + lib.random().nextInt(10) + "\nstatus: published\nsummary: \"" + lib.words(12) + ".\"\nseverity: SEV" + (1 + lib.random().nextInt(4))
        + "\nowner: " + lib.pick(lib.terms("teams")) + "\nservices: [" + lib.pick(lib.services()) + "]\ntags: [" + String.join(", ", lib.tags(1 + lib.random().nextInt(3)))
        + "]\nrelated: [" + String.join(", ", related) + "]\n---\n" + body);
    return "add " + lib.root().relativize(file);
  }





  /** A write-up's file renamed, or moved to another year's folder with its images; every link to them follows. */
  String moveFile() {
    return moveFile(true);
  }

  /** A file renamed that other files link to, without them: the library is broken until they follow. */
  String moveFileUnfixed() {
    return moveFile(false);
  }

  private String moveFile(boolean citers) {
    List<java.util.Map.Entry<String, Path>> candidates = new ArrayList<>();
    for (var e : lib.writeUps().entrySet()) {
      String name = e.getValue().getFileName().toString();
      // A design document's link to a missing file is only a warning: only write-ups' links break the library.
      if (citers || lib.writeUps().values().stream().anyMatch(p -> !p.equals(e.getValue()) && read(p).contains(name + ")"))) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) return null;
    var e = lib.pick(candidates);
    Path from = e.getValue();
    Path folder = citers && lib.random().nextBoolean() ? lib.incidents().resolve(String.valueOf(2021 + lib.random().nextInt(5)))
        : from.getParent();
    Path to = folder.resolve(e.getKey() + "-" + lib.words(2).replace(' ', '-') + ".md");
    Path images = from.resolveSibling(e.getKey());
    Path newImages = to.resolveSibling(e.getKey());
    if (Files.exists(to) || (!images.equals(newImages) && Files.exists(newImages))) return null;
    lib.move(from, to);
    if (Files.isDirectory(images) && !images.equals(newImages)) lib.move(images, newImages);
    java.util.function.UnaryOperator<Path> moved = p -> p.equals(from) ? to
        : p.startsWith(images) ? newImages.resolve(images.relativize(p).toString()) : null;
    Runnable relink = () -> {
      for (Path p : lib.citingFiles()) {
        if (!p.toString().endsWith(".md")) continue;
        String text = read(p);
        String edited = LibraryText.relink(text, p.equals(to) ? from.getParent() : p.getParent(), p.getParent(), moved);
        if (!edited.equals(text)) lib.write(p, edited);
      }
    };
    if (citers) {
      relink.run();
      return "move the file of " + e.getKey() + " to " + lib.root().relativize(to);
    }
    lib.breakUntilFixed(() -> {
      relink.run();
      return "point the links to " + e.getKey() + " at its new file";
    });
    return "rename the file of " + e.getKey() + " but not the links to it";
  }

  /** An id mentioned before its write-up exists (an error), then the write-up added. */
  String mentionBeforeAdding() {
    // Not in a draft: without drafts, a draft's body is not linked at all.
    String citer = lib.pick(lib.published());
    Path file = lib.writeUps().get(citer);
    String id = lib.newId(String.valueOf(2022 + lib.random().nextInt(4)));
    lib.write(file, read(file) + "\nIt happened again in " + id + ".\n");
    lib.breakUntilFixed(() -> add(id));
    return "mention " + id + ", which does not exist yet, in " + citer;
  }

  /** A front matter field that decides listings: the date (and so the order), severity, owner, services, tags, near miss, status. */
  String fields() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    String text = read(e.getValue());
    String status = field(text, "status").orElse("published");
    String edited = switch (lib.random().nextInt(7)) {
      // Half the time within its year, which keeps the browse terms the same.
      case 0 -> setField(text, "date", (lib.random().nextBoolean() ? field(text, "date").orElseThrow().substring(0, 4)
          : String.valueOf(2021 + lib.random().nextInt(5))) + "-0" + (1 + lib.random().nextInt(9)) + "-1" + lib.random().nextInt(10));
      case 1 -> setField(text, "severity", "SEV" + (1 + lib.random().nextInt(4)));
      case 2 -> setField(text, "owner", lib.pick(lib.terms("teams")));
      case 3 -> setList(text, "services", List.of(lib.pick(lib.services())));
      case 4 -> setList(text, "tags", lib.tags(1 + lib.random().nextInt(3)));
      case 5 -> setField(text, "near_miss", String.valueOf(lib.random().nextBoolean()));
      default -> status.equals("draft") ? text : setField(text, "status", status.equals("published") ? "in-review" : "published");
    };
    lib.write(e.getValue(), edited);
    return "change the front matter of " + e.getKey() + " (" + LibraryText.frontMatter(edited).lines()
        .filter(l -> !LibraryText.frontMatter(text).lines().toList().contains(l)).findFirst().orElse("no change") + ")";
  }

  static final String HEADING = "\n## What happened\n";
  static final String ANCHOR = "#what-happened";

  /** Write-ups whose "What happened" heading other files link to, by file. */
  private Set<Path> anchored() {
    Set<Path> out = new java.util.HashSet<>();
    for (Path target : lib.writeUps().values()) {
      for (Path p : lib.citingFiles()) {
        if (!p.equals(target) && read(p).contains(target.getFileName() + ANCHOR + ")")) out.add(target);
      }
    }
    return out;
  }

  /** A heading renamed (or renamed back): no link may name it, or it breaks the library until it is back. */
  String heading(boolean linked) {
    Set<Path> anchored = anchored();
    List<java.util.Map.Entry<String, Path>> candidates = lib.writeUps().entrySet().stream()
        .filter(en -> anchored.contains(en.getValue()) == linked).toList();
    if (candidates.isEmpty()) return null;
    var e = lib.pick(candidates);
    String text = read(e.getValue());
    String other = "\n## What went on\n";
    if (!text.contains(HEADING) && !text.contains(other)) return null;
    lib.write(e.getValue(), text.contains(HEADING) ? text.replace(HEADING, other) : text.replace(other, HEADING));
    if (!linked) return "rename a heading of " + e.getKey();
    lib.breakUntilFixed(() -> {
      lib.write(e.getValue(), text);
      return "name the heading of " + e.getKey() + " as its links do";
    });
    return "rename the heading of " + e.getKey() + " that links name";
  }


  /** A new id and file name for a write-up (and its images' folder); {@code citers} says whether other files follow. */
  private String renameId(String id, boolean citers) {
    Path from = lib.writeUps().get(id);
    String year = field(read(from), "date").orElseThrow().substring(0, 4);
    String newId = lib.newId(year);
    Path to = from.resolveSibling(newId + LibraryEdits.slug(from, id) + ".md");
    lib.move(from, to);
    lib.write(to, read(to).replace(id, newId));
    Path images = from.resolveSibling(id);
    if (Files.isDirectory(images)) lib.move(images, from.resolveSibling(newId));
    if (citers) replaceEverywhere(id, newId);
    else lib.breakUntilFixed(() -> {
      replaceEverywhere(id, newId);
      return "the citers of " + id + " now cite " + newId;
    });
    return "change the id " + id + " to " + newId + (citers ? " and its citers" : " but not its citers");
  }

  private void replaceEverywhere(String from, String to) {
    for (Path p : lib.citingFiles()) {
      String text = read(p);
      if (text.contains(from)) lib.write(p, text.replace(from, to));
    }
  }

  String changeId() {
    return renameId(lib.pick(new ArrayList<>(lib.writeUps().keySet())), true);
  }

  String changeIdUnfixed() {
    List<String> cited = lib.citedInRelated();
    return cited.isEmpty() ? null : renameId(lib.pick(cited), false);
  }

  String delete() {
    if (lib.writeUps().size() < 6) return null;
    String id = lib.pick(new ArrayList<>(lib.writeUps().keySet()));
    deleteWriteUp(id);
    removeCitations(id);
    return "delete " + id + " and its citations";
  }

  String deleteCited() {
    List<String> cited = lib.citedInRelated();
    if (cited.isEmpty() || lib.writeUps().size() < 6) return null;
    String id = lib.pick(cited);
    deleteWriteUp(id);
    lib.breakUntilFixed(() -> {
      removeCitations(id);
      return "remove the citations of deleted " + id;
    });
    return "delete " + id + ", which others still cite";
  }

  private final TreeMap<String, String> deletedNames = new TreeMap<>();

  private void deleteWriteUp(String id) {
    Path file = lib.writeUps().get(id);
    deletedNames.put(id, file.getFileName().toString());
    lib.delete(file);
    Path images = file.resolveSibling(id);
    if (Files.isDirectory(images)) lib.delete(images);
  }

  /**
   * Takes the id out of every {@code related} list, unlinks the links to its file and rewords the
   * mentions in prose (a mention of an unknown id is an error); comments in code may keep citing it.
   */
  private void removeCitations(String id) {
    String name = deletedNames.get(id);
    for (Path p : lib.paths()) removeStep(p, id);
    for (Path p : lib.citingFiles()) {
      if (!p.toString().endsWith(".md")) continue;
      String text = read(p);
      String edited = LibraryText.unlink(text, dest -> dest.endsWith(name) || dest.startsWith(id + "/") || dest.contains("/" + id + "/"));
      if (!LibraryText.frontMatter(edited).isEmpty() && field(edited, "related").isPresent()) {
        List<String> related = list(edited, "related");
        if (related.remove(id)) edited = setList(edited, "related", related);
      }
      edited = edited.replace(id, "an incident since deleted");
      if (!edited.equals(text)) lib.write(p, edited);
    }
  }


  /** Takes the steps on {@code id} out of a reading path; a path left without steps goes too. */
  private void removeStep(Path path, String id) {
    String text = read(path);
    java.util.regex.Matcher step = java.util.regex.Pattern.compile("(?m)^  - id: " + java.util.regex.Pattern.quote(id)
        + "\\n(?:    .*\\n)*").matcher(text);
    String edited = step.replaceAll("");
    if (edited.equals(text)) return;
    if (!edited.contains("\n  - ")) lib.delete(path);
    else lib.write(path, edited);
  }

  private String editField(String key, String value) {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    lib.write(e.getValue(), setField(read(e.getValue()), key, value));
    return "set the " + key + " of " + e.getKey();
  }

  String retitle() {
    return editField("title", lib.title());
  }

  String summary() {
    return editField("summary", "\"" + lib.words(8 + lib.random().nextInt(10)) + ".\"");
  }

  static final String DIAGRAM = "```mermaid\ngraph TD\n  alert --> page\n```\n";

  String body() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    String text = read(e.getValue());
    Path folder = e.getValue().getParent();
    List<Path> headed = lib.published().stream().map(id -> lib.writeUps().get(id))
        .filter(p -> !p.equals(e.getValue()) && read(p).contains(HEADING)).toList();
    List<Path> images = LibraryText.files(lib.incidents()).stream().filter(p -> p.toString().endsWith(".svg")).toList();
    String paragraph = switch (lib.random().nextInt(8)) {
      case 0 -> "The same thing happened in " + lib.pick(new ArrayList<>(lib.writeUps().keySet())) + ".";
      case 1 -> "```text\n" + lib.words(5) + "\n```";
      case 2 -> "- " + lib.words(4) + "\n- " + lib.words(3);
      case 3 -> headed.isEmpty() ? "" : "Read [what happened there](" + LibraryText.relativeLink(folder, lib.pick(headed)) + ANCHOR + ").";
      case 4 -> DIAGRAM;
      case 5 -> images.isEmpty() ? "" : "![Their graph](" + LibraryText.relativeLink(folder, lib.pick(images)) + ")";
      default -> lib.words(20) + ".";
    };
    int cut = text.lastIndexOf("\n\n");
    String edited = text.contains(DIAGRAM) && lib.random().nextInt(3) == 0 ? text.replace(DIAGRAM, "")
        : lib.random().nextInt(4) == 0 && cut > LibraryText.frontMatter(text).length() + 4 ? text.substring(0, cut) + "\n"
        : text + "\n" + paragraph + "\n";
    lib.write(e.getValue(), edited);
    return "edit the body of " + e.getKey();
  }


  String related() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    String text = read(e.getValue());
    List<String> related = list(text, "related");
    List<String> others = new ArrayList<>(lib.writeUps().keySet());
    others.remove(e.getKey());
    others.removeAll(related);
    if (!related.isEmpty() && (others.isEmpty() || lib.random().nextBoolean())) related.remove(lib.random().nextInt(related.size()));
    if (!others.isEmpty() && lib.random().nextInt(3) > 0) related.add(lib.pick(others));
    lib.write(e.getValue(), setList(text, "related", related));
    return "set related " + related + " on " + e.getKey();
  }

  String unknownRelated() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    String text = read(e.getValue());
    List<String> related = list(text, "related");
    related.add("INC-1999-999");
    lib.write(e.getValue(), setList(text, "related", related));
    lib.breakUntilFixed(() -> {
      lib.write(e.getValue(), text);
      return "take INC-1999-999 out of related on " + e.getKey();
    });
    return "relate " + e.getKey() + " to the unknown INC-1999-999";
  }

  String badYaml() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    String text = read(e.getValue());
    lib.write(e.getValue(), text.replaceFirst("(?m)^severity: ", "severity: ["));
    lib.breakUntilFixed(() -> {
      lib.write(e.getValue(), text);
      return "close the bracket in " + e.getKey();
    });
    return "open a bracket in the severity of " + e.getKey();
  }

  String draft() {
    TreeMap<String, Path> all = lib.writeUps();
    List<String> drafts = all.entrySet().stream().filter(e -> field(read(e.getValue()), "status").orElse("").equals("draft"))
        .map(java.util.Map.Entry::getKey).toList();
    if (!drafts.isEmpty() && lib.random().nextBoolean()) {
      String id = lib.pick(drafts);
      lib.write(all.get(id), setField(read(all.get(id)), "status", "published"));
      return "publish the draft " + id;
    }
    List<String> uncited = lib.uncited();
    if (uncited.isEmpty()) return null;
    String id = lib.pick(uncited);
    lib.write(all.get(id), setField(read(all.get(id)), "status", "draft"));
    return "make " + id + " a draft";
  }

  String touch() {
    var e = lib.pick(new ArrayList<>(lib.writeUps().entrySet()));
    lib.write(e.getValue(), read(e.getValue()));
    return "save " + e.getKey() + " unchanged";
  }
}
